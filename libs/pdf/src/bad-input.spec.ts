import { renderOrderPdf } from './order-pdf';
import { PdfFile, squash } from './test-support/pdf-tools';
import { event, plan, section, TVER_DOCUMENT } from './test-support/plan-builders';
import type { ImportedPlan } from '@eduplan/domain';

async function render(input: ImportedPlan, warnings: string[] = []): Promise<PdfFile> {
  const pdf = await renderOrderPdf(
    { document: TVER_DOCUMENT, plan: input, options: { draft: true } },
    { onWarning: (message) => warnings.push(message) },
  );
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.subarray(-6).toString()).toContain('%%EOF');
  return new PdfFile(pdf);
}

describe('renderOrderPdf with hostile plans', () => {
  it('prints a 5,000-character cell in full, continuing it over pages instead of cutting it off', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `слово${i}`);
    const long = words.join(' ');
    expect(long.length).toBeGreaterThan(5000);
    const pdf = await render(
      plan([section('Направление 1', [event('Короткое', { number: '1.1', audience: long }), event('Следующее', { number: '1.2' })], '1')]),
    );
    // The continuation rows interleave with other cells and repeated headers; the words must all be there, in order.
    const text = pdf.text();
    expect(text.match(/слово\d+/g)).toEqual(words);
    expect(text).toContain('Следующее');
    expect(pdf.pageCount()).toBeGreaterThan(3);
    pdf.dispose();
  });

  it('breaks a 400-character word without spaces rather than letting it run out of its column', async () => {
    const word = 'https://example.org/' + 'a'.repeat(380);
    const pdf = await render(plan([section('Раздел', [event('Ссылка', { audience: word })])]));
    const text = squash(pdf.text());
    expect(text).toContain(word.slice(0, 200));
    expect(text.match(/a/g)).toHaveLength(word.match(/a/g)!.length);
    pdf.dispose();
  });

  it('renders 1,000 events, every one of them', async () => {
    const sections = Array.from({ length: 10 }, (_, s) =>
      section(
        `Направление ${s + 1}. Совместные мероприятия`,
        Array.from({ length: 100 }, (_, e) => event(`Семинар ${s * 100 + e + 1}-й для педагогов`, { number: `${s + 1}.${e + 1}` })),
        String(s + 1),
      ),
    );
    const pdf = await render(plan(sections));
    const text = squash(pdf.text());
    const missing = Array.from({ length: 1000 }, (_, i) => `Семинар${i + 1}-йдляпедагогов`).filter((title) => !text.includes(title));
    expect(missing).toEqual([]);
    expect(pdf.pageCount()).toBeGreaterThan(30);
    pdf.dispose();
  });

  it('renders an empty section and a plan without sections', async () => {
    const pdf = await render(plan([section('Направление 2. Пустое', [], '2'), section('Направление 3', [event('Есть')], '3')]));
    expect(squash(pdf.text())).toContain('Направление2.Пустое');
    pdf.dispose();
    const empty = await render(plan([]));
    expect(squash(empty.text())).toContain('Планнесодержитмероприятий');
    empty.dispose();
  });

  it('removes emoji the font lacks with one warning, keeping Latin and Cyrillic text', async () => {
    const warnings: string[] = [];
    const pdf = await render(
      plan([section('Раздел', [event('Хакатон 🚀 «RoboCup» и WorldSkills 👩‍💻 для школ', { audience: 'Обучающиеся 👍🏽' })])]),
      warnings,
    );
    const text = pdf.text();
    expect(text).toContain('Хакатон «RoboCup» и WorldSkills для школ');
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/🚀 \(U\+1F680\) ×1/);
    expect(warnings[0]).toMatch(/👍 \(U\+1F44D\)/);
    expect(pdf.fonts().every((font) => font.embedded && /LiberationSerif/.test(font.name))).toBe(true);
    pdf.dispose();
  });
});

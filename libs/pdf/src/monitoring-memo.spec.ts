import { DOCUMENT_KIND_NAMES } from '@eduplan/contracts';
import { memoTitle } from './memo-title';
import { renderMonitoringMemoPdf } from './monitoring-memo';
import { PdfFile, squash } from './test-support/pdf-tools';
import { sampleFigures } from './test-support/sample-figures';

describe('renderMonitoringMemoPdf', () => {
  it.each([
    ['monitoring_memo', 'СПРАВКА', 'порезультатаммониторингареализациипланазаIVквартал2024года'],
    ['quarterly_memo', 'АНАЛИТИЧЕСКАЯЗАПИСКА', 'оходереализациипланазаIVквартал2024года'],
  ] as const)('prints the %s heading, figures and reasons', async (kind, title, about) => {
    const figures = sampleFigures(kind);
    const pdf = new PdfFile(await renderMonitoringMemoPdf(figures));
    const text = squash(pdf.text());
    expect(text).toContain(title);
    expect(text).toContain(about);
    expect(text).toContain('запланированомероприятий:29;проведено:22(76%)');
    expect(text).toContain('Общеечислоучастников:2757');
    // Section 9: 3 planned, 1 held, 2 not held, 75 participants, 33 %.
    expect(text).toContain(squash('9. Поддержка школ с низкими образовательными результатами 3 1 0 0 2 33 % 75'));
    expect(text).toContain(squash('ГБОУ ДПО ТОИУУ 11 9 1 0 1 82 % 905'));
    expect(text).toContain(squash('Доля педагогов центров, прошедших повышение квалификации % 50 43 86 %'));
    expect(text).toContain('Несформированыгруппыслушателей');
    expect(text).toContain('Рисунок1–Исполнениепланапонаправлениям');
    expect(text).toContain('И.И.Иванова');
    expect(pdf.imageCount()).toBe(0);
    expect(pdf.fonts().every((font) => font.embedded && /LiberationSerif/.test(font.name))).toBe(true);
    pdf.dispose();
  });

  it.each([
    ['quarterly_memo', 'АНАЛИТИЧЕСКАЯ ЗАПИСКА', 'о ходе реализации плана за IV квартал 2024 года', 'Аналитическая записка о ходе реализации плана'],
    ['monitoring_memo', 'СПРАВКА', 'по результатам мониторинга реализации плана за IV квартал 2024 года', 'Справка по результатам мониторинга реализации плана'],
  ] as const)('names the %s once, the same in its heading, its PDF title and its stored name, with Russian dates only', async (kind, printedKind, about, name) => {
    const figures = sampleFigures(kind);
    const pdf = new PdfFile(await renderMonitoringMemoPdf(figures));
    const text = pdf.text(1);
    const title = /^Title:\s+(.*)$/m.exec(pdf.info())?.[1];
    pdf.dispose();
    const lines = text.split('\n');
    expect(lines[1]).toBe(printedKind);
    expect(squash(text)).toContain(squash(`${about} (01.10.2024–31.12.2024)`));
    expect(text.match(/01\.10\.2024/g)).toHaveLength(1);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(DOCUMENT_KIND_NAMES[kind]).toBe(name);
    expect(title).toBe(`${name} за IV квартал 2024 года (01.10.2024–31.12.2024)`);
    expect(memoTitle(kind, figures.period)).toBe(title);
  });

  it('says so when nothing is missing and no indicators are set, and survives zero planned', async () => {
    const figures = {
      ...sampleFigures(),
      indicators: [],
      notHeld: [],
      sections: [{ number: null, title: 'Без плана', counts: { planned: 0, held: 0, partlyHeld: 0, notHeld: 0, postponed: 0 }, participants: 0 }],
    };
    const pdf = new PdfFile(await renderMonitoringMemoPdf(figures));
    const text = squash(pdf.text());
    expect(text).toContain('Показателинаотчётныйпериодне установлены.'.replace(/\s/g, ''));
    expect(text).toContain('Всемероприятия,запланированныенаотчётныйпериод,проведены.');
    expect(text).toContain('Безплана00000—0');
    pdf.dispose();
  });
});

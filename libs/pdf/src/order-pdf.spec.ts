import { PdfInputError, renderOrderPdf } from './order-pdf';
import { appendixColumnHeaders } from './appendix-table';
import { FIXTURE_NAMES, loadFixtureOrder, type FixtureName } from './test-support/fixture-plans';
import { PdfFile, squash } from './test-support/pdf-tools';
import { event, plan, section, TVER_DOCUMENT } from './test-support/plan-builders';

const STAMP = {
  certificateSerial: '01DB0A5C7E3F2B8C00000000000A1B2C',
  owner: 'Калинина Ольга Евгеньевна',
  validFrom: '2024-02-01',
  validTo: '2025-05-01',
};

describe('renderOrderPdf on the fixture orders', () => {
  const rendered = new Map<FixtureName, PdfFile>();

  beforeAll(async () => {
    for (const name of FIXTURE_NAMES) {
      const file = loadFixtureOrder(name);
      const draft = file.document.number === null;
      const pdf = await renderOrderPdf({
        document: file.document,
        plan: file.plan,
        options: { draft, signatureStamp: draft ? undefined : STAMP, qrPayload: 'https://eduplan.example/d/1' },
      });
      rendered.set(name, new PdfFile(pdf));
    }
  });
  afterAll(() => rendered.forEach((file) => file.dispose()));

  describe.each(FIXTURE_NAMES)('%s', (name) => {
    const input = loadFixtureOrder(name);
    const titles = input.plan.sections.flatMap((s) => s.events.map((e) => e.title));

    it('has every event title in its text', () => {
      expect(titles.length).toBeGreaterThan(30);
      const text = squash(rendered.get(name)!.text());
      expect(titles.filter((title) => !text.includes(squash(title)))).toEqual([]);
    });

    it('puts the QR code in the bottom right corner of page 1, not on the left', () => {
      const pdf = rendered.get(name)!;
      const footer = { top: 0.9, bottom: 1 };
      expect(pdf.inkIn(1, { ...footer, left: 0.75, right: 1 })).toBeGreaterThan(100);
      expect(pdf.inkIn(1, { ...footer, left: 0, right: 0.6 })).toBe(0);
    });

    it('embeds all its fonts, Liberation Serif only', () => {
      const fonts = rendered.get(name)!.fonts();
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((font) => font.embedded && /\+LiberationSerif/.test(font.name))).toBe(true);
    });

    it('prints the order on portrait A4 and the appendix on landscape A4', () => {
      const [first, ...rest] = rendered.get(name)!.pageSizes();
      expect(first).toEqual({ width: 595.28, height: 841.89 });
      expect(rest.length).toBeGreaterThan(1);
      expect(rest.every((size) => size.width > size.height)).toBe(true);
    });

    it('repeats the table header row and numbers every appendix page', () => {
      const pdf = rendered.get(name)!;
      const headers = appendixColumnHeaders(input.plan);
      for (let page = 2; page <= pdf.pageCount(); page++) {
        const text = pdf.text(page);
        expect(headers.filter((header) => !squash(text).includes(squash(header)))).toEqual([]);
        expect(text).toMatch(new RegExp(`^${page}$`, 'm'));
      }
      expect(pdf.text(1)).not.toMatch(/^\s*1\s*$/m);
    });
  });

  it('prints the registered Tver order with its number, stamp and approval stamp', () => {
    const text = squash(rendered.get('tver')!.text());
    for (const expected of [
      'МИНИСТЕРСТВООБРАЗОВАНИЯТВЕРСКОЙОБЛАСТИ',
      'ПРИКАЗ',
      '28.08.2024',
      '№1083/ПК',
      'г.Тверь',
      'приказываю:',
      'О.Е.Калинина',
      'ДОКУМЕНТПОДПИСАНЭЛЕКТРОННОЙПОДПИСЬЮ',
      `Сертификат:${STAMP.certificateSerial}`,
      'Владелец:КалининаОльгаЕвгеньевна',
      'Действителенс01.02.2024по01.05.2025',
      'УТВЕРЖДЕНприказомМинистерстваобразованияТверскойобластиот28.08.2024№1083/ПК',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('ПРОЕКТ');
  });

  it('prints the Samara распоряжение as a draft: watermark, no number, «распоряжением»', () => {
    const text = squash(rendered.get('samara')!.text());
    expect(text).toContain('РАСПОРЯЖЕНИЕ');
    expect(text).toContain('ПРОЕКТ');
    expect(text).toContain('№______');
    expect(text).toContain('УТВЕРЖДЕНраспоряжениемМинистерстваобразованияинаукиСамарскойобласти');
    expect(text).not.toContain('приказываю');
  });
});

describe('renderOrderPdf options', () => {
  const minimal = plan([section('Направление 1. Совместные мероприятия', [event('Инженерные каникулы', { number: '1.1' })], '1')]);

  it('marks a draft «ПРОЕКТ» and leaves the number blank even when the import has one', async () => {
    const pdf = new PdfFile(await renderOrderPdf({ document: TVER_DOCUMENT, plan: minimal, options: { draft: true } }));
    const text = squash(pdf.text());
    pdf.dispose();
    expect(text).toContain('ПРОЕКТ');
    expect(text).toContain('№______');
    expect(text).not.toContain('1083');
  });

  it('takes date and number from the registration over the imported ones', async () => {
    const pdf = new PdfFile(
      await renderOrderPdf({
        document: TVER_DOCUMENT,
        plan: minimal,
        options: { draft: false, registration: { number: '1200/ПК', date: '2024-09-02' } },
      }),
    );
    const text = squash(pdf.text());
    pdf.dispose();
    expect(text).toContain('02.09.2024');
    expect(text).toContain('№1200/ПК');
    expect(text).not.toContain('1083');
  });

  it('prints the given preamble and points', async () => {
    const pdf = new PdfFile(
      await renderOrderPdf({
        document: TVER_DOCUMENT,
        plan: minimal,
        options: { draft: true, text: { preamble: 'В соответствии с постановлением № 69-пп', points: ['Утвердить план.', 'Приказ вступает в силу со дня подписания.'] } },
      }),
    );
    const text = squash(pdf.text(1));
    pdf.dispose();
    expect(text).toContain(squash('В соответствии с постановлением № 69-пп п р и к а з ы в а ю:'));
    expect(text).toContain(squash('2. Приказ вступает в силу со дня подписания.'));
  });

  it('adds an «Ожидаемый результат» column only when an event has one', async () => {
    const roadMap = plan([section('Раздел 1', [event('Сетевая программа', { expectedResult: 'не менее 50% школ' })])], 'Дорожная карта');
    const pdf = new PdfFile(await renderOrderPdf({ document: TVER_DOCUMENT, plan: roadMap, options: { draft: true } }));
    const text = squash(pdf.text());
    pdf.dispose();
    expect(text).toContain('Ожидаемыйрезультат');
    expect(text).toContain('не менее 50% школ'.replace(/\s/g, ''));
    expect(text).toContain('УТВЕРЖДЕНАприказом');
  });

  it('fails with a clear message without an issuer or, for a signed order, a registration', async () => {
    await expect(renderOrderPdf({ document: { ...TVER_DOCUMENT, issuer: null }, plan: minimal, options: { draft: true } })).rejects.toThrow(
      new PdfInputError('В документе не указан издатель / the document has no issuer'),
    );
    await expect(
      renderOrderPdf({ document: { ...TVER_DOCUMENT, number: null }, plan: minimal, options: { draft: false } }),
    ).rejects.toThrow(/registration/);
  });
});

describe('renderOrderPdf keeps requisites whole', () => {
  const minimal = plan([section('Направление 1. Совместные мероприятия', [event('Инженерные каникулы', { number: '1.1' })], '1')]);
  const REQUISITES = ['№ 69-пп', '№ 1375/ПК', '17.10.2011', '14 марта 2023 г.', 'И.И. Иванов', 'Петров П.П.', '2024-2025 гг.'];

  it('prints the Tver basis with «№ 69-пп» and «№ 1375/ПК» as written, and no single word on the heading\'s last line', async () => {
    const tver = loadFixtureOrder('tver');
    const pdf = new PdfFile(await renderOrderPdf({ document: tver.document, plan: minimal, options: { draft: false } }));
    const page = pdf.text(1);
    pdf.dispose();
    expect(page).toContain('№ 69-пп «Об утверждении');
    expect(page).toContain('№ 1375/ПК «О реализации');
    const heading = page.slice(page.indexOf('г. Тверь\n') + 'г. Тверь\n'.length, page.indexOf('В соответствии')).trim().split('\n');
    expect(heading.join(' ')).toBe(tver.document.title);
    expect(heading[heading.length - 1]).toBe('учебный год');
  });

  it('never breaks a reference, a date or initials with a surname, wherever in a justified line they fall', async () => {
    // Growing prefixes move the requisites across every position of a line, line ends included.
    const points = Array.from({ length: 24 }, (_, i) => `${'ст '.repeat(i)}Во исполнение постановления от ${REQUISITES.join(' и ')} утвердить план.`);
    const pdf = new PdfFile(await renderOrderPdf({ document: TVER_DOCUMENT, plan: minimal, options: { draft: true, text: { preamble: null, points } } }));
    const text = pdf.text();
    pdf.dispose();
    expect(REQUISITES.map((requisite) => [requisite, text.split(requisite).length - 1])).toEqual(REQUISITES.map((requisite) => [requisite, points.length]));
  });
});

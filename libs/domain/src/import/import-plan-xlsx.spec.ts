import { Workbook } from 'exceljs';
import { importPlanFile, importPlanText, importPlanXlsx } from './import-plan';
import type { ImportedPlanFile } from './imported-plan.types';
import { FIXTURE_FILES, readFixture } from './plan-fixtures.testing';
import { xlsxFromText } from './xlsx-from-text.testing';

/** Line numbers differ by nature (text lines vs sheet rows); everything else must be the same. */
const withoutLines = (file: ImportedPlanFile) => ({
  document: file.document,
  plan: { ...file.plan, sections: file.plan.sections.map((s) => ({ ...s, events: s.events.map(({ line, ...event }) => event) })) },
  warnings: file.warnings.map((w) => w.message.replace(/строки \d+ и \d+/, 'строки N и M')).sort(),
});

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\n');

describe('importPlanXlsx: a plan kept in Excel', () => {
  it.each(Object.keys(FIXTURE_FILES) as Array<keyof typeof FIXTURE_FILES>)(
    'gives the same result as the text import for the %s plan',
    async (name) => {
      const text = readFixture(name);
      expect(withoutLines(await importPlanXlsx(await xlsxFromText(text)))).toEqual(withoutLines(importPlanText(text)));
    },
  );

  it('finds the plan’s sheet by its header words behind a title sheet, says which it read, and is recognised by content', async () => {
    const text = [
      'План мероприятий центров «Точка роста» на 2024 год',
      '',
      rows(
        ['№ п/п', 'Наименование мероприятия', 'Сроки проведения', 'Ответственный исполнитель'],
        ['Направление 7. Профориентация', '', '', ''],
        ['1', 'Ярмарка профессий', 'март 2024 года', 'Министерство образования'],
        ['2', 'Дни открытых дверей в технопарке «Кванториум»', 'апрель 2024 года', 'Кванториум'],
      ),
    ].join('\n');
    const bytes = await xlsxFromText(text, [{ name: 'Титульный лист', rows: [['Министерство образования'], ['Сводные показатели', '2024']] }]);
    const file = await importPlanFile(bytes);
    expect(file.plan.title).toBe('План мероприятий центров «Точка роста» на 2024 год');
    expect(file.plan.sections).toHaveLength(1);
    expect(file.plan.sections[0]).toMatchObject({ number: '7', directionCode: 7 });
    expect(file.plan.sections[0].events.map((e) => [e.number, e.title, e.deadline.intervals])).toEqual([
      ['1', 'Ярмарка профессий', [{ start: '2024-03-01', end: '2024-03-31' }]],
      ['2', 'Дни открытых дверей в технопарке «Кванториум»', [{ start: '2024-04-01', end: '2024-04-30' }]],
    ]);
    expect(file.warnings).toEqual([
      {
        line: null,
        message: 'План прочитан с листа «План», где найдена шапка таблицы мероприятий; листы «Титульный лист» не прочитаны — если план на них, перенесите его на один лист',
      },
    ]);
  });

  it('reads a vertically merged event number and title as one event with sub-rows', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Дорожная карта');
    sheet.addRows([
      ['Дорожная карта на 2024-2025 учебный год'],
      ['№', 'Мероприятие', 'Исполнители', 'Сроки реализации'],
      ['1. Организационное обеспечение'],
      ['1.1', 'Создание рабочей группы', 'Министерство', 'сентябрь 2024'],
      ['', '', 'ГБОУ ДПО ТОИУУ', 'октябрь 2024'],
    ]);
    sheet.mergeCells('A3:D3');
    sheet.mergeCells('A4:A5');
    sheet.mergeCells('B4:B5');
    const file = await importPlanXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    const [section] = file.plan.sections;
    expect(section).toMatchObject({ number: '1', title: 'Организационное обеспечение' });
    expect(section.events).toHaveLength(1);
    expect(section.events[0].responsible.map((r) => r.raw)).toEqual(['Министерство', 'ГБОУ ДПО ТОИУУ']);
    expect(section.events[0].deadline.intervals).toHaveLength(2);
  });

  it('refuses a workbook without a plan table with the import’s own message', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Лист1').addRows([['Показатель', 'Значение'], ['Охват', '120']]);
    await expect(importPlanFile(Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'no-header' });
  });
});

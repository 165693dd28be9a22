import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import { docxFromText } from './docx-from-text.testing';
import { importPlanDocx, importPlanFile, importPlanText } from './import-plan';
import type { ImportedPlanFile } from './imported-plan.types';
import { PlanImportError } from './plan-import-error';
import { FIXTURE_FILES, readFixture } from './plan-fixtures.testing';

/** Line numbers differ by nature (text lines vs .docx blocks); everything else must be the same. */
const withoutLines = (file: ImportedPlanFile) => ({
  document: file.document,
  plan: {
    ...file.plan,
    sections: file.plan.sections.map((s) => ({ ...s, events: s.events.map(({ line, ...event }) => event) })),
  },
  warnings: file.warnings.map((w) => w.message.replace(/строки \d+ и \d+/, 'строки N и M')).sort(),
});

describe('importPlanDocx', () => {
  it.each(Object.keys(FIXTURE_FILES) as Array<keyof typeof FIXTURE_FILES>)(
    'gives the same result as the text import for the %s plan',
    async (name) => {
      const text = readFixture(name);
      const docx = await docxFromText(text);
      expect(withoutLines(await importPlanDocx(docx))).toEqual(withoutLines(importPlanText(text)));
    },
  );

  it('reads vertically merged cells as sub-rows of one event', async () => {
    const cell = (text: string, rowSpan = 1) => new TableCell({ rowSpan, children: [new Paragraph(text)] });
    const table = new Table({
      rows: [
        new TableRow({ children: ['№', 'Мероприятие', 'Исполнители', 'Сроки реализации'].map((t) => cell(t)) }),
        new TableRow({ children: [new TableCell({ columnSpan: 4, children: [new Paragraph('II. Сетевые образовательные программы')] })] }),
        new TableRow({ children: [cell('1', 2), cell('Запуск сетевой программы', 2), cell('Министерство'), cell('сентябрь 2024')] }),
        new TableRow({ children: [cell('ГБОУ ДПО ТОИУУ'), cell('март 2025')] }),
      ],
    });
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('План мероприятий на 2024-2025 учебный год'), table] }] }),
    );
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:vMerge');
    expect(xml).toContain('w:gridSpan');

    const [section] = (await importPlanDocx(docx)).plan.sections;
    expect(section).toMatchObject({ number: 'II', directionCode: 5 });
    expect(section.events).toHaveLength(1);
    expect(section.events[0].responsible.map((r) => r.raw)).toEqual(['Министерство', 'ГБОУ ДПО ТОИУУ']);
    expect(section.events[0].deadline.raw).toBe('сентябрь 2024\nмарт 2025');
  });

  it('recognises a .docx by its content', async () => {
    const docx = await docxFromText(readFixture('tver'));
    const file = await importPlanFile(docx);
    expect(file.document.number).toBe('1083/ПК');
  });

  it('rejects a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importPlanFile(bytes)).rejects.toMatchObject({ code: 'bad-docx' });
    await expect(importPlanDocx(bytes)).rejects.toBeInstanceOf(PlanImportError);
  });
});

import { importPlanFileIsolated, type ImportedPlanFile } from '@eduplan/domain';
import { renderOrderPdf } from './order-pdf';
import { FIXTURE_NAMES, loadFixtureOrder } from './test-support/fixture-plans';

/** What a person checks in the preview: the plan's structure and each event's cells; wrapping may differ. */
const outline = (file: ImportedPlanFile) => {
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, '');
  return {
    period: file.plan.period,
    sections: file.plan.sections.map((section) => ({
      number: section.number,
      title: squash(section.title),
      events: section.events.map((event) => ({
        number: event.number,
        title: squash(event.title),
        audience: squash(event.audience),
        deadline: squash(event.deadline.raw),
        intervals: event.deadline.intervals,
        responsible: event.responsible.map((r) => squash(r.name)),
      })),
    })),
  };
};

/**
 * A published order is a PDF with a text layer: the import reads one back to the same plan, the words laid
 * into rows and columns by where they stand on the page (the order as the documents service renders it:
 * landscape table, header repeated on each page, headings over the whole table, a «ПРОЕКТ» watermark).
 */
describe('importing a plan from a PDF with a text layer', () => {
  it.each(FIXTURE_NAMES)('reads the %s order rendered to PDF back to the plan it was rendered from', async (name) => {
    const source = loadFixtureOrder(name);
    const pdf = await renderOrderPdf({ document: source.document, plan: source.plan, options: { draft: true } });
    const imported = await importPlanFileIsolated(pdf);
    expect(outline(imported)).toEqual(outline(source));
    expect(imported.document.kind).toBe(source.document.kind);
  }, 90_000);
});

import JSZip from 'jszip';
import { readFixture } from './plan-fixtures.testing';
import { deeplyNestedDocx, docxZipBomb, zipWithEntries } from './hostile-files.testing';
import { importPlanFileIsolated } from './import-plan-isolated';
import { PLAN_IMPORT_LIMITS } from './import-limits';
import { PlanImportLimitError } from './plan-import-error';

jest.setTimeout(60_000);

async function refusal(call: Promise<unknown>): Promise<PlanImportLimitError> {
  const outcome = await call.then(
    () => new Error('the file was imported'),
    (error: unknown) => error,
  );
  if (outcome instanceof PlanImportLimitError) return outcome;
  throw outcome;
}

/** Files built to hurt: each is refused with the limit it went past, on a worker thread. */
describe('importing a hostile plan file', () => {
  it('refuses a 1 MB zip bomb by the size its header declares, naming the limit', async () => {
    const bomb = docxZipBomb(1024);
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    const error = await refusal(importPlanFileIsolated(bomb));
    expect(error.limit).toBe('unpacked-size');
    expect(error.message).toMatch(/^Файл не разобран: текст документа \(1024 МБ\) в распакованном виде больше предела 32 МБ/);
  });

  it('refuses a zip bomb whose header lies about its size once inflating passes the limit', async () => {
    const error = await refusal(importPlanFileIsolated(docxZipBomb(1024, 10_000)));
    expect(error.limit).toBe('unpacked-size');
    expect(error.message).toMatch(/^Файл не разобран: текст документа в распакованном виде больше предела 32 МБ/);
  });

  it('refuses a small .docx with 100,000 nested elements at the depth limit', async () => {
    const deep = await deeplyNestedDocx(100_000);
    expect(deep.length).toBeLessThan(20 * 1024);
    const error = await refusal(importPlanFileIsolated(deep));
    expect(error.limit).toBe('xml-depth');
    expect(error.message).toMatch(/вложены глубже предела 256 уровней/);
  });

  it('refuses a zip with more entries than a Word document has', async () => {
    const error = await refusal(importPlanFileIsolated(await zipWithEntries(2500)));
    expect(error.limit).toBe('zip-entries');
    expect(error.message).toMatch(/в архиве \d+ файлов, больше предела 2000/);
  });

  it('stops the worker at the time limit and says so', async () => {
    const text = Buffer.from(readFixture('tver'));
    const error = await refusal(importPlanFileIsolated(text, { ...PLAN_IMPORT_LIMITS, maxMilliseconds: 1 }));
    expect(error.limit).toBe('time');
    expect(error.message).toMatch(/разбор занял больше предела 0.001 с/);
  });

  it('stops the worker when parsing needs more than its heap and says so, the caller unharmed', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document><w:body>${'<w:p/>'.repeat(1_500_000)}</w:body></w:document>`);
    const manyParagraphs = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const error = await refusal(importPlanFileIsolated(manyParagraphs, { ...PLAN_IMPORT_LIMITS, maxHeapMegabytes: 64 }));
    expect(error.limit).toBe('memory');
    expect(error.message).toMatch(/разбор потребовал больше предела памяти 64 МБ/);
  });

  it('still imports a real plan on the worker thread', async () => {
    const file = await importPlanFileIsolated(Buffer.from(readFixture('tver')));
    expect(file.document.number).toBe('1083/ПК');
    expect(file.plan.sections.flatMap((s) => s.events)).toHaveLength(57);
  });
});

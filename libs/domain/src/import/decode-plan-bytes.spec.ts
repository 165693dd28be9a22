import * as iconv from 'iconv-lite';
import { decodePlanBytes } from './decode-plan-bytes';
import { importPlanFile, importPlanText } from './import-plan';
import { PlanImportError } from './plan-import-error';
import { readFixture } from './plan-fixtures.testing';

const expectPlanError = async (bytes: Uint8Array, code: string, reason: RegExp) => {
  const error = await importPlanFile(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanImportError);
  expect(error).toMatchObject({ code });
  const message = (error as Error).message;
  expect(message).toMatch(/^Файл не похож на план мероприятий: .+ \/ Not a plan: .+$/);
  expect(message).not.toContain('\n');
  expect(message).toMatch(reason);
};

describe('decodePlanBytes and bad input', () => {
  const tver = readFixture('tver');

  it('decodes a cp1251 export to the same plan as UTF-8', async () => {
    const bytes = iconv.encode(tver, 'windows-1251');
    expect(decodePlanBytes(bytes).encoding).toBe('windows-1251');
    expect(await importPlanFile(bytes)).toEqual(importPlanText(tver));
  });

  it('decodes UTF-16 with a byte order mark and UTF-8 with a BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tver, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tver, 'utf-16be')]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tver)]);
    expect(decodePlanBytes(le)).toEqual({ text: tver, encoding: 'utf-16le' });
    expect(decodePlanBytes(be)).toEqual({ text: tver, encoding: 'utf-16be' });
    expect((await importPlanFile(utf8)).plan.sections).toHaveLength(11);
  });

  it('rejects binary bytes', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    await expectPlanError(bytes, 'binary', /двоичные данные/);
  });

  // A PDF is read for its text layer (import-plan-pdf.spec.ts).
  it('tells the user what to do with an old .doc', async () => {
    await expectPlanError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'binary', /\.docx/);
  });

  it('rejects an empty file and one holding only blanks', async () => {
    await expectPlanError(new Uint8Array(0), 'empty', /пуст/);
    await expectPlanError(Buffer.from(' \n\t\n'), 'empty', /нет текста/);
  });

  it('rejects a 50 MB file before reading it', async () => {
    await expectPlanError(Buffer.alloc(50 * 1024 * 1024, 0x41), 'too-large', /больше предела 20 МБ/);
  });

  it('honours a custom size limit', () => {
    expect(() => decodePlanBytes(Buffer.from('abc'), { maxBytes: 2 })).toThrow(PlanImportError);
  });

  it('rejects a table without a recognisable header, and text without a table', async () => {
    await expectPlanError(Buffer.from('1\tСлёт\tмай\n2\tФорум\tиюнь\n'), 'no-header', /шапки/);
    await expectPlanError(Buffer.from('Просто письмо без таблицы.\nС уважением, отдел.'), 'no-table', /таблица/);
  });
});

import { Workbook } from 'exceljs';
import { unpackedTooLarge, type PlanImportLimits } from '../import/import-limits';
import { zipDirectory } from '../import/read-zip-entry';
import { OrganizationSheetError } from './organization-sheet-error';

/**
 * The first worksheet of an .xlsx as the text of its cells. The zip's directory is checked against the
 * limits before exceljs inflates anything: too many entries or a declared size over the limit is refused
 * here; a size that lies is caught by the worker's heap cap (the caller runs this on a worker thread).
 */
export async function readXlsx(bytes: Uint8Array, limits: PlanImportLimits): Promise<string[][]> {
  const entries = zipDirectory(bytes, limits);
  if (!entries) throw new OrganizationSheetError('архив .xlsx повреждён');
  const unpacked = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (unpacked > limits.maxUnpackedBytes) throw unpackedTooLarge(limits, unpacked);
  if (!entries.some((entry) => entry.name.startsWith('xl/worksheets/'))) throw new OrganizationSheetError('в архиве нет листов Excel (.xlsx)');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new OrganizationSheetError('не удалось прочитать .xlsx: сохраните таблицу в Excel заново');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new OrganizationSheetError('в книге нет листов');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(table, (cells) => cells ?? []);
}

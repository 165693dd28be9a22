import type { PlanImportLimits } from '../import/import-limits';
import { readXlsxSheets } from '../import/read-xlsx-sheets';
import { OrganizationSheetError } from './organization-sheet-error';

/** The first worksheet of an .xlsx as the text of its cells. */
export async function readXlsx(bytes: Uint8Array, limits: PlanImportLimits): Promise<string[][]> {
  const sheets = await readXlsxSheets(bytes, limits, {
    broken: () => new OrganizationSheetError('архив .xlsx повреждён'),
    noSheets: () => new OrganizationSheetError('в архиве нет листов Excel (.xlsx)'),
    unreadable: () => new OrganizationSheetError('не удалось прочитать .xlsx: сохраните таблицу в Excel заново'),
  });
  if (sheets.length === 0) throw new OrganizationSheetError('в книге нет листов');
  return sheets[0].rows;
}

import { sniffBinaryFormat } from '../import/decode-plan-bytes';
import { PlanImportError } from '../import/plan-import-error';
import { ORGANIZATION_IMPORT_LIMITS, type OrganizationImportLimits } from './organization-import-limits';
import { organizationRows } from './organization-rows';
import type { OrganizationSheetRow } from './organization-sheet-columns';
import { OrganizationSheetError } from './organization-sheet-error';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export interface OrganizationSheet {
  format: 'xlsx' | 'csv';
  rows: OrganizationSheetRow[];
}

/** An .xlsx (recognised by its zip signature) or a CSV, to rows under the header; run it through `readOrganizationSheetIsolated`. */
export async function readOrganizationSheet(bytes: Uint8Array, limits: OrganizationImportLimits = ORGANIZATION_IMPORT_LIMITS): Promise<OrganizationSheet> {
  assertSheetSize(bytes, limits);
  const format = sniffBinaryFormat(bytes);
  if (format === 'ole') throw new OrganizationSheetError('это файл .xls старого формата: сохраните его как .xlsx или CSV');
  if (format === 'pdf') throw new OrganizationSheetError('это PDF: приложите таблицу .xlsx или CSV');
  if (format === 'zip') return { format: 'xlsx', rows: organizationRows(await readXlsx(bytes, limits), limits.maxRows) };
  return { format: 'csv', rows: organizationRows(csvTable(bytes), limits.maxRows) };
}

export function assertSheetSize(bytes: Uint8Array, limits: OrganizationImportLimits): void {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} МБ`;
  if (bytes.length === 0) throw new OrganizationSheetError('файл пуст');
  if (bytes.length > limits.maxFileBytes) throw new OrganizationSheetError(`файл ${mb(bytes.length)} больше предела ${mb(limits.maxFileBytes)}`);
}

function csvTable(bytes: Uint8Array): string[][] {
  try {
    return readCsv(bytes);
  } catch (error) {
    // The text decoder refuses NUL bytes outside UTF-16 as binary data.
    if (error instanceof PlanImportError) throw new OrganizationSheetError('двоичные данные, а не таблица: приложите .xlsx или CSV');
    throw error;
  }
}

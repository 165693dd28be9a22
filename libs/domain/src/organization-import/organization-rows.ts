import { fieldOfHeader, ORGANIZATION_SHEET_HEADERS, type OrganizationSheetField, type OrganizationSheetRow } from './organization-sheet-columns';
import { OrganizationSheetError } from './organization-sheet-error';

/** Header rows sought among the first lines: a title such as «Реестр центров» may stand above the table. */
const HEADER_SEARCH_LINES = 10;

/**
 * The rows of a table under its header row: the header is the first line naming «Полное наименование» (or a
 * synonym); empty lines are skipped; unknown columns are ignored; line numbers are the sheet's own.
 */
export function organizationRows(table: string[][], maxRows: number): OrganizationSheetRow[] {
  const headerAt = table.slice(0, HEADER_SEARCH_LINES).findIndex((cells) => cells.some((cell) => fieldOfHeader(cell) === 'name'));
  if (headerAt < 0) {
    throw new OrganizationSheetError(
      `не найдена строка заголовков со столбцом «${ORGANIZATION_SHEET_HEADERS.name[0]}» в первых ${HEADER_SEARCH_LINES} строках`,
    );
  }
  const columns = new Map<number, OrganizationSheetField>();
  table[headerAt].forEach((cell, index) => {
    const field = fieldOfHeader(cell);
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
  });
  const rows: OrganizationSheetRow[] = [];
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (rows.length === maxRows) throw new OrganizationSheetError(`больше ${maxRows} строк; разделите таблицу на части`);
    const row: OrganizationSheetRow = { line: i + 1, name: '', shortName: '', type: '', inn: '', ogrn: '', address: '', timeZone: '', municipality: '', parent: '', issuer: '' };
    for (const [index, field] of columns) row[field] = (cells[index] ?? '').replace(/\s+/g, ' ').trim();
    rows.push(row);
  }
  return rows;
}

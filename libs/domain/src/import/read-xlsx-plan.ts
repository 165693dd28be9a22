import { cleanText } from './clean-text';
import { detectLayout } from './detect-header';
import type { ImportWarning } from './imported-plan.types';
import type { PlanImportLimits } from './import-limits';
import { PlanImportError } from './plan-import-error';
import { readXlsxSheets, type XlsxSheet } from './read-xlsx-sheets';
import type { SourceBlock } from './source-blocks';

const badWorkbook = (ru: string, en: string) => () => new PlanImportError('bad-xlsx', ru, en);

/**
 * The rows of the sheet holding the plan's table, found by its header words (a workbook often has a title
 * sheet or a sheet of indicators before it), as blocks for the same interpreter as Word and text. The line
 * of a block is the sheet's row number.
 */
export async function readXlsxPlanBlocks(bytes: Uint8Array, limits: PlanImportLimits): Promise<{ blocks: SourceBlock[]; warnings: ImportWarning[] }> {
  const sheets = await readXlsxSheets(bytes, limits, {
    broken: badWorkbook('архив .xlsx повреждён', 'a damaged .xlsx'),
    noSheets: badWorkbook('в книге Excel нет листов', 'a workbook without sheets'),
    unreadable: badWorkbook('не удалось прочитать .xlsx: сохраните книгу в Excel заново', 'cannot read the .xlsx'),
  });
  const withTable = sheets.filter(hasPlanHeader);
  const sheet = withTable[0] ?? sheets[0];
  if (!sheet) throw badWorkbook('в книге Excel нет листов', 'a workbook without sheets')();
  const warnings: ImportWarning[] = [];
  if (sheets.length > 1) {
    const others = sheets.filter((s) => s !== sheet).map((s) => `«${s.name}»`);
    warnings.push({
      line: null,
      message: `План прочитан с листа «${sheet.name}», где найдена шапка таблицы мероприятий; листы ${others.join(', ')} не прочитаны — если план на них, перенесите его на один лист`,
    });
  }
  const blocks = sheet.rows
    .map((cells, index): SourceBlock => ({ line: index + 1, cells, isRow: true }))
    .filter((block) => block.cells.some((cell) => cell.trim() !== ''));
  return { blocks, warnings };
}

function hasPlanHeader(sheet: XlsxSheet): boolean {
  return sheet.rows.some((cells) => detectLayout(cells.map(cleanText)) !== null);
}

import { Workbook, type Worksheet } from 'exceljs';

/**
 * Rebuilds a plan's text as the Excel sheet a ministry would keep it in: a tab line is a row, a row with
 * text in its first cell only is merged across the table (a section heading), a paragraph is one cell with
 * its line breaks; blank lines (page breaks) leave no row. `before` adds sheets ahead of the plan's.
 */
export async function xlsxFromText(text: string, before: Array<{ name: string; rows: string[][] }> = []): Promise<Buffer> {
  const workbook = new Workbook();
  for (const sheet of before) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  const sheet = workbook.addWorksheet('План');
  const width = Math.max(1, ...text.split('\n').map((line) => line.split('\t').length));
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) sheet.addRow([paragraph.join('\n')]);
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      flush();
      addTableRow(sheet, line.split('\t'), width);
    } else if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableRow(sheet: Worksheet, cells: string[], width: number): void {
  const row = sheet.addRow(cells);
  if (cells[0] !== '' && cells.length > 1 && cells.slice(1).every((cell) => cell.trim() === '')) {
    sheet.mergeCells(row.number, 1, row.number, Math.min(width, cells.length));
  }
}

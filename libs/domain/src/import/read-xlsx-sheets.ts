import { Workbook } from 'exceljs';
import { unpackedTooLarge, type PlanImportLimits } from './import-limits';
import { zipDirectory } from './read-zip-entry';

export interface XlsxSheet {
  name: string;
  /** Cell texts by row and column; a merged range keeps its text in its first cell only, like Word's table. */
  rows: string[][];
}

/** Why an .xlsx could not be read, as the caller's own error. */
export interface XlsxFailures {
  broken(): Error;
  noSheets(): Error;
  unreadable(): Error;
}

/** Whether the bytes are a zip holding an Excel workbook (by content, whatever the file is called). */
export function isXlsx(bytes: Uint8Array, limits: PlanImportLimits): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return zipDirectory(bytes, limits)?.some((entry) => entry.name === 'xl/workbook.xml') ?? false;
}

/**
 * The worksheets of an .xlsx as the text of their cells. The zip's directory is checked against the
 * limits before exceljs inflates anything: too many entries or a declared size over the limit is refused
 * here; a size that lies is caught by the worker's heap cap (the caller runs this on a worker thread).
 */
export async function readXlsxSheets(bytes: Uint8Array, limits: PlanImportLimits, fail: XlsxFailures): Promise<XlsxSheet[]> {
  const entries = zipDirectory(bytes, limits);
  if (!entries) throw fail.broken();
  const unpacked = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (unpacked > limits.maxUnpackedBytes) throw unpackedTooLarge(limits, unpacked);
  if (!entries.some((entry) => entry.name.startsWith('xl/worksheets/'))) throw fail.noSheets();
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw fail.unreadable();
  }
  return workbook.worksheets.map((sheet) => {
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : (cell.text ?? '');
      });
      table[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
    });
    return { name: sheet.name, rows: Array.from(table, (cells) => cells ?? []) };
  });
}

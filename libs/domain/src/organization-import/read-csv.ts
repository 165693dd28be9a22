import { decodeByBomOrGuess } from '../import/decode-plan-bytes';

/**
 * A CSV as Excel and 1C save it: UTF-8 (with or without BOM) or Windows-1251, fields separated by «;» or «,»
 * (whichever the first lines have more of outside quotes), quotes doubled inside quoted fields, line breaks
 * allowed inside them.
 */
export function readCsv(bytes: Uint8Array): string[][] {
  const text = decodeByBomOrGuess(bytes).text;
  const head = text.slice(0, 4096);
  const separator = countOutsideQuotes(head, ';') >= countOutsideQuotes(head, ',') ? ';' : ',';
  const table: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      table.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) table.push([...row, field]);
  return table;
}

function countOutsideQuotes(text: string, separator: string): number {
  let count = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) count++;
  }
  return count;
}

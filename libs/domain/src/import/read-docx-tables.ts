import type { PlanImportLimits } from './import-limits';
import { PlanImportError } from './plan-import-error';
import { unpackZipEntry, zipDirectory } from './read-zip-entry';
import type { SourceBlock } from './source-blocks';
import { childElements, firstChild, parseXml, type XmlElement } from './xml-tree';

const DOCUMENT_XML = 'word/document.xml';

/**
 * A .docx is recognised by its content, whatever the file is called: the text of its word/document.xml,
 * or null when the bytes are no zip holding one. Unpacking stays within the limits (a zip bomb is refused).
 */
export function docxDocumentXml(bytes: Uint8Array, limits: PlanImportLimits): string | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const entry = zipDirectory(bytes, limits)?.find((e) => e.name === DOCUMENT_XML);
  return entry ? unpackZipEntry(bytes, entry, limits).toString('utf8') : null;
}

export const notWordDocument = () => new PlanImportError('bad-docx', 'не удалось прочитать документ Word', 'cannot read the Word document');

/**
 * Paragraphs and table rows of the document body in reading order. Merged cells are expanded to the grid
 * the way a text export shows them: a horizontally merged cell (`gridSpan`) keeps its text in the first
 * column and leaves the rest empty, a vertically merged continuation (`vMerge`) is empty, so the row
 * interpreter reads it as a sub-row of the event above.
 */
export function readDocxBlocks(xml: string, limits: PlanImportLimits): SourceBlock[] {
  const body = findDescendant(parseXml(xml, limits), 'w:body');
  const blocks: SourceBlock[] = [];
  if (body) collectBlocks(body, blocks);
  return blocks;
}

function collectBlocks(container: XmlElement, blocks: SourceBlock[]): void {
  for (const element of childElements(container)) {
    if (element.name === 'w:p') {
      const text = paragraphText(element);
      if (text.trim() !== '') blocks.push({ line: blocks.length + 1, cells: [text], isRow: false });
    } else if (element.name === 'w:tbl') {
      for (const row of childElements(element, 'w:tr')) {
        blocks.push({ line: blocks.length + 1, cells: rowCells(row), isRow: true });
      }
    } else if (element.name === 'w:sdt') {
      const content = firstChild(element, 'w:sdtContent');
      if (content) collectBlocks(content, blocks);
    }
  }
}

function rowCells(row: XmlElement): string[] {
  const cells: string[] = [];
  for (const cell of cellsOf(row)) {
    const properties = firstChild(cell, 'w:tcPr');
    const span = Number(properties && firstChild(properties, 'w:gridSpan')?.attributes['w:val']) || 1;
    const vMerge = properties && firstChild(properties, 'w:vMerge');
    const continuesAbove = vMerge !== undefined && vMerge.attributes['w:val'] !== 'restart';
    cells.push(continuesAbove ? '' : cellText(cell));
    for (let i = 1; i < span; i++) cells.push('');
  }
  return cells;
}

/** Cells may be wrapped in content controls (`w:sdt`) or custom XML; they still belong to the row. */
function cellsOf(row: XmlElement): XmlElement[] {
  return childElements(row).flatMap((child) => {
    if (child.name === 'w:tc') return [child];
    if (child.name === 'w:sdt' || child.name === 'w:customXml') {
      const content = firstChild(child, 'w:sdtContent') ?? child;
      return cellsOf(content);
    }
    return [];
  });
}

/** A cell's paragraphs become lines; a table nested in a cell is flattened into its text. */
function cellText(cell: XmlElement): string {
  const lines: string[] = [];
  const visit = (element: XmlElement) => {
    for (const child of childElements(element)) {
      if (child.name === 'w:p') lines.push(paragraphText(child));
      else if (child.name === 'w:tbl') {
        for (const row of childElements(child, 'w:tr')) lines.push(rowCells(row).filter(Boolean).join(' '));
      } else if (child.name !== 'w:tcPr') visit(child);
    }
  };
  visit(cell);
  return lines.filter((line) => line.trim() !== '').join('\n');
}

function paragraphText(paragraph: XmlElement): string {
  let text = '';
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      switch (child.name) {
        case 'w:t':
          text += child.children.filter((c): c is string => typeof c === 'string').join('');
          break;
        case 'w:tab':
          text += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:pPr':
        case 'w:rPr':
        case 'w:delText':
        case 'w:instrText':
          break;
        default:
          visit(child);
      }
    }
  };
  visit(paragraph);
  return text;
}

function findDescendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of childElements(element)) {
    if (child.name === name) return child;
    const found = findDescendant(child, name);
    if (found) return found;
  }
  return undefined;
}

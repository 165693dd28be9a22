import { breaksAt } from './non-breaking';
import { LINE_HEIGHT_EM } from './page-setup';

/**
 * pdfmake cannot split a table row across pages when rows are kept whole (`dontBreakRows`): a row taller
 * than a page is cut off silently. Long cells are therefore split beforehand into chunks that each fit
 * comfortably on a page, estimating lines with a deliberately wide average glyph (so estimates err high).
 */
const AVERAGE_GLYPH_EM = 0.55;

export interface TextBox {
  /** Content width in points. */
  width: number;
  fontSize: number;
}

export function charsPerLine(box: TextBox): number {
  return Math.max(4, Math.floor(box.width / (box.fontSize * AVERAGE_GLYPH_EM)));
}

export function estimateLines(paragraphs: readonly string[], box: TextBox): number {
  const perLine = charsPerLine(box);
  return paragraphs.reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

export function estimateHeight(lines: number, fontSize: number): number {
  return lines * fontSize * LINE_HEIGHT_EM;
}

/** Splits paragraphs into chunks of at most `maxLines` estimated lines, breaking long paragraphs at spaces. */
export function chunkParagraphs(paragraphs: readonly string[], box: TextBox, maxLines: number): string[][] {
  const perLine = charsPerLine(box);
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentLines = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    currentLines = 0;
  };
  for (const paragraph of paragraphs) {
    for (const piece of splitParagraph(paragraph, perLine * maxLines, perLine)) {
      const lines = Math.max(1, Math.ceil(piece.length / perLine));
      if (currentLines + lines > maxLines) flush();
      current.push(piece);
      currentLines += lines;
    }
  }
  flush();
  return chunks.length > 0 ? chunks : [[]];
}

/** Breaks at a space outside the spans kept together («№ 69-пп», «14 марта 2023 г.»), see non-breaking.ts. */
function splitParagraph(paragraph: string, maxChars: number, perLine: number): string[] {
  const pieces: string[] = [];
  let rest = paragraph;
  while (rest.length > maxChars) {
    let space = rest.lastIndexOf(' ', maxChars);
    while (space > maxChars / 2 && !breaksAt(rest, space, perLine)) space = rest.lastIndexOf(' ', space - 1);
    // A «word» longer than a chunk (a URL, a run of symbols) is cut where it must be.
    const cut = space > maxChars / 2 ? space : maxChars;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

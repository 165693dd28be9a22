import { pathToFileURL } from 'node:url';
import { cleanText } from './clean-text';
import { detectLayout } from './detect-header';
import { PlanImportError } from './plan-import-error';

/** A word of a PDF's text layer, in points from the page's bottom left. */
interface Word {
  text: string;
  x: number;
  right: number;
  y: number;
  height: number;
}

type Line = Word[];

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

interface PdfJs {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: PdfTextItem[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

/** Fewer words than this on every page together is a scan with at most a stamp's text on it. */
const MIN_WORDS = 20;
/** Lines of one cell stand at most this many text heights apart; rows are further apart by their padding. */
const WRAP_SPACING = 1.3;
/** Header lines of one row lie this many line heights apart at most. */
const HEADER_BAND_LINES = 3;

export const scannedPdf = () =>
  new PlanImportError(
    'scanned-pdf',
    'это PDF без текстового слоя (скан): распознайте его в программе распознавания текста (OCR) или приложите исходный .docx',
    'a scanned PDF without a text layer: run OCR on it or provide the .docx',
  );

/**
 * pdfjs-dist ships as an ES module only; the import runs as CommonJS, so the module is loaded by its file URL
 * through a real dynamic import (a transpiler would turn a plain `import()` into `require`).
 */
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

/**
 * The text of a PDF laid out the way the text fixtures are: paragraphs before the plan's table as lines
 * (a blank line between paragraphs), then each line of the table as its cells joined by tabs, the columns
 * found from where the table's text stands (the gaps between columns run down every page). A line whose
 * words run across a column gap (a section heading over the whole table) is one cell.
 */
export async function pdfAsText(bytes: Uint8Array): Promise<string> {
  const pages = await readWords(bytes);
  const lines = pages.map(toLines);
  if (pages.flat().length < MIN_WORDS) throw scannedPdf();
  const header = findHeader(lines);
  if (!header) return lines.map((page) => paragraphs(page).join('\n')).join('\n\n');
  const [headerPage, headerLine] = header;
  const tablePages = lines.slice(headerPage).map((page, p) => withoutPageNumber(p === 0 ? page.slice(headerLine) : page));
  const table = tablePages.flat();
  const columns = columnRanges(table);
  const before = lines.slice(0, headerPage).concat([lines[headerPage].slice(0, headerLine)]);
  const running = runningText(table, columns.length > 0 ? columns[columns.length - 1][1] - columns[0][0] : 0);
  const rows: string[][] = [];
  for (const page of tablePages) {
    const last: { row: { line: Line; cells: string[] } | null } = { row: null };
    for (const line of page) {
      const cells = running.has(line) ? [joinWords(line), ...columns.slice(1).map(() => '')] : tableCells(line, columns);
      const above = last.row;
      // A line at the cells' own line spacing wraps the row above (a heading too, unless it opens a section of
      // its own); a wider gap is the table's rule and padding: a new row, or a sub-row of the same event.
      const wraps =
        above !== null &&
        running.has(above.line) === running.has(line) &&
        above.line[0].y - line[0].y <= line[0].height * WRAP_SPACING &&
        !(running.has(line) && HEADING_START.test(cells[0]));
      if (above && wraps) above.cells.forEach((text, i) => (above.cells[i] = joinWrapped(text, cells[i] ?? '')));
      else rows.push(cells);
      last.row = { line, cells: above && wraps ? above.cells : cells };
    }
    rows.push([]);
  }
  return [...before.map((page) => paragraphs(page).join('\n')), ...rows.map((cells) => cells.join('\t'))].join('\n');
}

/** A line that opens a section of its own («2. …», «II. …», «Направление 3 …») never wraps the one above. */
const HEADING_START = /^(?:\d+\.\s|[IVXLC]+\.\s|направление\s|раздел\s)/iu;

async function readWords(bytes: Uint8Array): Promise<Word[][]> {
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const pdfjs = (await importModule(url)) as PdfJs;
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch {
    throw new PlanImportError('bad-pdf', 'не удалось прочитать PDF: сохраните его заново или приложите .docx', 'cannot read the PDF');
  }
  try {
    const pages: Word[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(
        content.items.flatMap((item): Word[] => {
          const text = item.str?.trim() ?? '';
          const [, skewY = 0, skewX = 0, , x = 0, y = 0] = item.transform ?? [];
          // Turned text is a watermark («ПРОЕКТ» across the page) or a margin note, not the plan.
          return text === '' || skewY !== 0 || skewX !== 0 ? [] : [{ text, x, right: x + (item.width ?? 0), y, height: item.height || 10 }];
        }),
      );
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** Words of one baseline (within a third of the text height) from left to right, lines from the top. */
function toLines(words: Word[]): Line[] {
  const lines: Line[] = [];
  for (const word of [...words].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0].y - word.y) <= word.height / 3);
    if (line) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x)).sort((a, b) => b[0].y - a[0].y);
}

/** Words closer than a letter's width belong to one piece of text; a split word («п/» + «п») has no gap. */
function joinWords(words: Word[]): string {
  return words.reduce((text, word, i) => (i === 0 ? word.text : `${text}${word.x - words[i - 1].right < 0.5 ? '' : ' '}${word.text}`), '');
}

/** The plan's header: header words of a line and the few lines under it, grouped by the columns they stand in. */
function findHeader(pages: Line[][]): [number, number] | null {
  for (let p = 0; p < pages.length; p++) {
    for (let i = 0; i < pages[p].length; i++) {
      const band = pages[p].slice(i, i + HEADER_BAND_LINES).filter((line) => pages[p][i][0].y - line[0].y <= pages[p][i][0].height * HEADER_BAND_LINES * 1.5);
      for (let size = 1; size <= band.length; size++) {
        if (detectLayout(clusters(band.slice(0, size).flat()).map((words) => cleanText(joinWords(words)))) !== null) return [p, i];
      }
    }
  }
  return null;
}

/** Words grouped by horizontal overlap (a header cell's lines stand one under another). */
function clusters(words: Word[]): Word[][] {
  const groups: Word[][] = [];
  for (const word of [...words].sort((a, b) => a.x - b.x)) {
    const group = groups.find((g) => g.some((w) => word.x <= w.right + word.height / 2 && word.right >= w.x - word.height / 2));
    if (group) group.push(word);
    else groups.push([word]);
  }
  return groups.map((group) => group.sort((a, b) => b.y - a.y || a.x - b.x)).sort((a, b) => a[0].x - b[0].x);
}

/**
 * Column ranges of the table: x positions that text covers on more than a few of its lines, leaving out
 * lines that run over the whole table (section headings), which cross every gap.
 */
function columnRanges(table: Line[]): Array<[number, number]> {
  const all = table.flat();
  if (all.length === 0) return [];
  const left = Math.floor(Math.min(...all.map((w) => w.x)));
  const right = Math.ceil(Math.max(...all.map((w) => w.right)));
  const running = runningText(table, right - left);
  const lines = table.filter((line) => !running.has(line));
  const words = lines.flat();
  if (words.length === 0) return [[left, right]];
  const coverage = new Array<number>(right - left + 1).fill(0);
  for (const line of lines) {
    const covered = new Set<number>();
    for (const word of line) for (let x = Math.floor(word.x); x < Math.ceil(word.right); x++) covered.add(x - left);
    covered.forEach((x) => coverage[x]++);
  }
  const threshold = Math.max(1, lines.length * 0.01);
  const ranges: Array<[number, number]> = [];
  coverage.forEach((count, i) => {
    if (count <= threshold) return;
    const last = ranges[ranges.length - 1];
    if (last && i + left - last[1] <= 3) last[1] = i + left + 1;
    else ranges.push([i + left, i + left + 1]);
  });
  return ranges;
}

/** «организационно-» + «методической»: a word broken at its hyphen is one word again; other lines join with a space. */
function joinWrapped(text: string, next: string): string {
  if (text === '' || next === '') return text || next;
  return /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next) ? `${text}${next}` : `${text} ${next}`;
}

function tableCells(line: Line, columns: Array<[number, number]>): string[] {
  const cells = columns.map(() => [] as Word[]);
  const columnOf = (word: Word) => {
    const inside = columns.findIndex(([from, to]) => word.x >= from - 2 && word.x < to);
    if (inside >= 0) return inside;
    const before = columns.map(([from], i) => [from, i] as const).filter(([from]) => from <= word.x);
    return before.length > 0 ? before[before.length - 1][1] : 0;
  };
  let spans = false;
  line.forEach((word, i) => {
    const column = columnOf(word);
    // Ordinary word spacing across a column gap: the line runs over the whole table.
    if (i > 0 && column !== columnOf(line[i - 1]) && word.x - line[i - 1].right < word.height * 0.6) spans = true;
    cells[column].push(word);
  });
  if (spans) return [joinWords(line), ...columns.slice(1).map(() => '')];
  return cells.map(joinWords);
}

/**
 * Lines of a sentence over the table rather than cells side by side: words at ordinary spacing over more
 * than half its width, and the lines that wrap it (starting where it starts).
 */
function runningText(lines: Line[], tableWidth: number): Set<Line> {
  const running = new Set<Line>();
  const evenlySpaced = (line: Line) => line.every((word, i) => i === 0 || word.x - line[i - 1].right < word.height * 0.6);
  lines.forEach((line, i) => {
    const wide = line[line.length - 1].right - line[0].x > tableWidth / 2;
    const previous = lines[i - 1];
    const wraps = previous !== undefined && running.has(previous) && Math.abs(previous[0].x - line[0].x) < 2;
    if ((wide || wraps) && evenlySpaced(line)) running.add(line);
  });
  return running;
}

/** A page number alone at the top or bottom of a page is no part of the table. */
function withoutPageNumber(lines: Line[]): Line[] {
  const isNumber = (line: Line | undefined) => line !== undefined && line.length === 1 && /^[-–\s]*\d{1,3}[-–\s]*$/.test(line[0].text);
  return lines.filter((line, i) => !((i === 0 || i === lines.length - 1) && isNumber(line)));
}

/** Lines of text; a blank line where the gap to the next line is wider than a line and a half. */
function paragraphs(lines: Line[]): string[] {
  return lines.flatMap((line, i) => {
    const text = joinWords(line);
    const previous = lines[i - 1];
    const gap = previous ? previous[0].y - line[0].y : 0;
    return previous && gap > line[0].height * 1.6 ? ['', text] : [text];
  });
}

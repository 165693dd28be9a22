import type { ImportedEvent, ImportedPlan, ImportedSection } from '@eduplan/domain';
import type { Content, ContentTable, CustomTableLayout, Margins, TableCell } from 'pdfmake/interfaces';
import { nonBreaking } from './non-breaking';
import { contentWidth, FONT_SIZE } from './page-setup';
import { charsPerLine, chunkParagraphs, estimateLines, TextBox } from './text-chunks';

const LINE_WIDTH = 0.5;
const CELL_MARGIN: Margins = [3, 2, 3, 2];
const CELL_MARGIN_X = 6;
/**
 * A row of at most WHOLE_ROW_LINES estimated lines is printed whole; a longer one is split into continuation rows
 * of CONTINUATION_LINES so pages stay filled. A kept-together group (section row with its first event row) is at
 * most GROUP_LINES. All well under the ~34 lines of a landscape page.
 */
const WHOLE_ROW_LINES = 20;
const CONTINUATION_LINES = 8;
const GROUP_LINES = 26;

interface Column {
  header: string;
  /** Share of the width left after the fixed «№» column; 0 for that column. */
  weight: number;
  paragraphs(event: ImportedEvent): string[];
}

const NUMBER_WIDTH = 34;

const NUMBER_COLUMN: Column = {
  header: '№\nп/п',
  weight: 0,
  paragraphs: (event) => (event.number ? [event.number] : []),
};

const TEXT_COLUMNS: Column[] = [
  { header: 'Мероприятие', weight: 3.2, paragraphs: (event) => [event.title, ...lines(event.content)] },
  { header: 'Целевая аудитория', weight: 2, paragraphs: (event) => lines(event.audience) },
  { header: 'Сроки проведения', weight: 1.4, paragraphs: (event) => lines(event.deadline.raw) },
  {
    header: 'Ответственный исполнитель',
    weight: 2.2,
    paragraphs: (event) => lines(event.responsible.map((responsible) => responsible.raw).join(', ')),
  },
];

const RESULT_COLUMN: Column = {
  header: 'Ожидаемый результат',
  weight: 2,
  paragraphs: (event) => lines(event.expectedResult),
};

/** The header texts, in order: tests look for them on every appendix page. */
export function appendixColumnHeaders(plan: ImportedPlan): string[] {
  return columnsOf(plan).map((column) => column.header);
}

/** «Ожидаемый результат» only when some event has one (road maps do, most plans don't). */
function columnsOf(plan: ImportedPlan): Column[] {
  const hasResults = plan.sections.some((section) => section.events.some((event) => event.expectedResult));
  return [NUMBER_COLUMN, ...TEXT_COLUMNS, ...(hasResults ? [RESULT_COLUMN] : [])];
}

/** Content widths in points such that the table, with cell margins and rules, fills the landscape text area. */
function widthsOf(columns: Column[]): number[] {
  const overhead = columns.length * CELL_MARGIN_X + (columns.length + 1) * LINE_WIDTH;
  const flexible = contentWidth('landscape') - overhead - NUMBER_WIDTH;
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  return columns.map((column) => (column.weight === 0 ? NUMBER_WIDTH : (flexible * column.weight) / totalWeight));
}

interface Row {
  cells: TableCell[];
  lines: number;
}

/**
 * The plan as the appendix table: the header row repeats on every page, section rows span the table, rows are
 * never split across pages, and a section row stays on the page of its event's first row (no orphan headings).
 */
export function appendixTable(plan: ImportedPlan): ContentTable {
  const columns = columnsOf(plan);
  const widths = widthsOf(columns);
  const boxes = widths.map((width): TextBox => ({ width, fontSize: FONT_SIZE.table }));
  const fullRow: TextBox = {
    width: widths.reduce((sum, width) => sum + width, 0) + (widths.length - 1) * (CELL_MARGIN_X + LINE_WIDTH),
    fontSize: FONT_SIZE.table,
  };

  const body: TableCell[][] = [columns.map((column) => headerCell(column.header))];
  for (const section of plan.sections) {
    const headings = sectionRows(section, columns.length, fullRow);
    const events = section.events.flatMap((event) => eventRows(event, columns, boxes));
    const lastHeading = headings[headings.length - 1];
    const firstEvent = events[0];
    for (const row of headings.slice(0, -1)) body.push(row.cells);
    if (firstEvent && lastHeading.lines + firstEvent.lines <= GROUP_LINES) {
      body.push(keptTogether([lastHeading, firstEvent], widths));
      events.shift();
    } else {
      body.push(lastHeading.cells);
    }
    for (const row of events) body.push(row.cells);
  }

  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: gridLayout,
    fontSize: FONT_SIZE.table,
  };
}

function headerCell(text: string): TableCell {
  return { text, bold: true, alignment: 'center', margin: CELL_MARGIN };
}

/** A heading longer than a row may hold continues in further full-width rows. */
function sectionRows(section: ImportedSection, columnCount: number, box: TextBox): Row[] {
  const title = sectionTitle(section);
  return rowChunks([title], box).map((chunk) => ({
    cells: [
      { stack: cellLines(chunk, box), bold: true, colSpan: columnCount, margin: CELL_MARGIN },
      ...fillers(columnCount - 1),
    ],
    lines: estimateLines(chunk, box),
  }));
}

/** «1. Проведение …» unless the title already carries its number or a word such as «Направление». */
function sectionTitle(section: ImportedSection): string {
  const title = section.title.trim();
  if (!section.number || title.startsWith(section.number) || /^(направление|раздел|блок)(\s|$)/i.test(title)) return title;
  return `${section.number.replace(/\.$/, '')}. ${title}`;
}

/** One row per event, or several when a cell is too long for one page; continuation rows share the event's frame. */
function eventRows(event: ImportedEvent, columns: Column[], boxes: TextBox[]): Row[] {
  const chunksByColumn = columns.map((column, index) => rowChunks(column.paragraphs(event), boxes[index]));
  const rowCount = Math.max(...chunksByColumn.map((chunks) => chunks.length));
  return Array.from({ length: rowCount }, (_, rowIndex) => {
    const border: [boolean, boolean, boolean, boolean] = [true, rowIndex === 0, true, rowIndex === rowCount - 1];
    return {
      cells: chunksByColumn.map((chunks, index): TableCell => ({
        stack: cellLines(chunks[rowIndex] ?? [], boxes[index]),
        margin: CELL_MARGIN,
        border,
      })),
      lines: Math.max(...chunksByColumn.map((chunks, index) => estimateLines(chunks[rowIndex] ?? [], boxes[index]))),
    };
  });
}

function cellLines(paragraphs: string[], box: TextBox): Content[] {
  return paragraphs.map((text) => ({ text: nonBreaking(text, { maxChars: charsPerLine(box) }) }));
}

function rowChunks(paragraphs: string[], box: TextBox): string[][] {
  return estimateLines(paragraphs, box) <= WHOLE_ROW_LINES ? [paragraphs] : chunkParagraphs(paragraphs, box, CONTINUATION_LINES);
}

/**
 * pdfmake keeps only single rows together, so rows that must share a page become one outer row holding a
 * borderless-edged inner table with the same column widths; its inner rules line up with the outer ones.
 */
function keptTogether(rows: Row[], widths: number[]): TableCell[] {
  const inner: Content = {
    table: { widths, body: rows.map((row) => row.cells) },
    layout: innerGridLayout,
  };
  return [{ stack: [inner], colSpan: widths.length }, ...fillers(widths.length - 1)];
}

function fillers(count: number): TableCell[] {
  return Array.from({ length: count }, (): TableCell => ({}));
}

function lines(text: string | null): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const noPadding = (): number => 0;

const gridLayout: CustomTableLayout = {
  hLineWidth: () => LINE_WIDTH,
  vLineWidth: () => LINE_WIDTH,
  paddingLeft: noPadding,
  paddingRight: noPadding,
  paddingTop: noPadding,
  paddingBottom: noPadding,
};

const innerGridLayout: CustomTableLayout = {
  hLineWidth: (index, node) => (index === 0 || index === node.table.body.length ? 0 : LINE_WIDTH),
  vLineWidth: (index, node) => (index === 0 || index === node.table.widths?.length ? 0 : LINE_WIDTH),
  paddingLeft: noPadding,
  paddingRight: noPadding,
  paddingTop: noPadding,
  paddingBottom: noPadding,
};

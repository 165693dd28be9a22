import { foldText } from './clean-text';

export type ColumnField = 'number' | 'title' | 'content' | 'audience' | 'deadline' | 'responsible' | 'expectedResult';

/** Column of the plan table: which field it feeds and the header text it had (to recognise leaked labels). */
export interface Column {
  field: ColumnField;
  label: string;
}

export interface TableLayout {
  /** Indexed by cell position; null for a column this importer does not use. */
  columns: Array<Column | null>;
}

/** Header words regions use for each column; matched at the start of a header cell. */
const LABELS: Array<[ColumnField, RegExp]> = [
  ['number', /^(№|n\s*п\/п|п\/п|номер)/],
  ['expectedResult', /^(ожидаем\S* результат|результат|показател|планируем\S* результат)/],
  ['content', /^(содержание|краткое описание|описание$)/],
  ['title', /^(наименование|мероприяти|описание мероприяти|название|перечень мероприятий)/],
  ['audience', /^(целев\S* аудитори|аудитори|участник|категори\S* участник)/],
  ['deadline', /^(срок|дат[аы]|период|время проведения|когда)/],
  ['responsible', /^(ответствен|исполнител|организатор|соисполнител)/],
];

export function labelField(cell: string): ColumnField | null {
  const folded = foldText(cell);
  if (folded === '') return null;
  for (const [field, pattern] of LABELS) if (pattern.test(folded)) return field;
  return null;
}

/**
 * A header row (first or repeated on a later page, or a fragment of one broken by the extractor) has only
 * header words in its non-empty cells. A lone cell counts only when it is a whole short label, so an event
 * title that happens to start with «Результаты …» is not taken for a header.
 */
export function isHeaderLike(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '');
  if (filled.length === 0) return false;
  if (!filled.every((cell) => labelField(cell) !== null && cell.length <= 160)) return false;
  if (filled.length >= 2) return true;
  return foldText(filled[0]).split(' ').length <= 3;
}

/** The table's own header: enough distinct columns to be sure, with a title column and a deadline or executor. */
export function detectLayout(cells: string[]): TableLayout | null {
  if (!isHeaderLike(cells)) return null;
  const columns = cells.map((cell): Column | null => {
    const field = labelField(cell);
    return field ? { field, label: cell } : null;
  });
  const fields = new Set(columns.filter((c): c is Column => c !== null).map((c) => c.field));
  if (!fields.has('title') && fields.has('content')) {
    const content = columns.find((c) => c?.field === 'content');
    if (content) content.field = 'title';
    fields.add('title');
  }
  const usable = fields.size >= 3 && fields.has('title') && (fields.has('deadline') || fields.has('responsible'));
  return usable ? { columns } : null;
}

export function columnIndex(layout: TableLayout, field: ColumnField): number {
  return layout.columns.findIndex((column) => column?.field === field);
}

/** The «1 2 3 4 5» row under a header numbers the columns; it is not an event. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter(Boolean);
  return filled.length >= 3 && filled.every((cell, index) => cell === String(index + 1));
}

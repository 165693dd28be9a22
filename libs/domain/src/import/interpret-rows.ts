import { columnIndex, detectLayout, isColumnNumberRow, isHeaderLike, type ColumnField, type TableLayout } from './detect-header';
import { joinContinuation } from './join-continuation';
import { isRomanNumber, parseHeadingText, parseNumberedHeadingText, startsLowercase, type SectionHeading } from './section-heading';
import type { SourceBlock } from './source-blocks';
import type { ImportWarning } from './imported-plan.types';

export type EventFields = Record<Exclude<ColumnField, 'number'>, string>;

export interface DraftEvent {
  line: number;
  number: string | null;
  fields: EventFields;
}

export interface DraftSection {
  line: number | null;
  number: string | null;
  title: string;
  events: DraftEvent[];
}

export interface InterpretedTable {
  sections: DraftSection[];
  warnings: ImportWarning[];
}

const EVENT_NUMBER = /^(\d+(?:\.\d+)*)[.)]?$/;

/**
 * Reads the plan table row by row, whatever the reader: headings open sections, numbered rows open events,
 * rows without a number continue the event above (page breaks, sub-rows), repeated headers are skipped.
 * `blocks[0]` is the header row that `layout` was detected from.
 */
export function interpretRows(blocks: SourceBlock[], layout: TableLayout): InterpretedTable {
  return new RowInterpreter(blocks, layout).run();
}

class RowInterpreter {
  private readonly sections: DraftSection[] = [];
  private readonly warnings: ImportWarning[] = [];
  private event: DraftEvent | null = null;

  constructor(
    private readonly blocks: SourceBlock[],
    private layout: TableLayout,
  ) {}

  run(): InterpretedTable {
    this.blocks.slice(1).forEach((block, index) => this.read(block, index + 1));
    return { sections: this.sections, warnings: this.warnings };
  }

  private read(block: SourceBlock, index: number): void {
    const cells = block.cells;
    const filled = cells.filter((cell) => cell !== '');
    if (filled.length === 0) return;
    if (!block.isRow) return this.readParagraph(block, index);
    if (isColumnNumberRow(cells)) return;
    const layout = detectLayout(cells);
    if (layout) {
      if (columnIndex(layout, 'number') === 0 && cells.length !== this.layout.columns.length) this.layout = layout;
      return;
    }
    if (isHeaderLike(cells)) return;

    const numberCell = this.cell(cells, 'number');
    if (this.wrappedNumberedLine(cells, numberCell, index, block.line)) return;
    const heading = this.heading(cells, numberCell, index, block.line);
    if (heading) return this.openSection(heading, block.line);

    const fields = this.fieldsOf(cells, block.line);
    const number = EVENT_NUMBER.exec(numberCell)?.[1] ?? null;
    if (numberCell !== '' && number === null) {
      this.warn(block.line, `Текст в столбце номера отнесён к наименованию: «${shorten(numberCell)}»`);
      fields.title = joinContinuation(numberCell, fields.title);
    }
    if (number !== null && Object.values(fields).every((value) => value === '')) {
      this.warn(block.line, `Строка содержит только номер «${numberCell}» и пропущена`);
      return;
    }
    if (this.startsEvent(number, fields)) return this.openEvent(number ?? (numberCell || null), fields, block.line);
    this.continueEvent(fields, block.line, filled);
  }

  private startsEvent(number: string | null, fields: EventFields): boolean {
    if (columnIndex(this.layout, 'number') < 0) {
      if (fields.title === '') return false;
      return !this.event || joinContinuation(this.event.fields.title, fields.title).includes('\n');
    }
    return number !== null && number !== this.event?.number;
  }

  private readParagraph(block: SourceBlock, index: number): void {
    const text = block.cells[0];
    const heading = parseHeadingText(text) ?? this.numberedHeading(text, index);
    if (heading) return this.openSection(heading, block.line);
    this.warn(block.line, `Текст внутри таблицы не отнесён ни к одному мероприятию: «${shorten(text)}»`);
  }

  /** A heading has one text (merged across the table); a stray number next to it is an extraction slip. */
  private heading(cells: string[], numberCell: string, index: number, line: number): SectionHeading | null {
    const numberColumn = columnIndex(this.layout, 'number');
    const numberLike = EVENT_NUMBER.test(numberCell) || isRomanNumber(numberCell);
    const texts = cells.filter((cell, i) => cell !== '' && !(numberLike && i === numberColumn));
    if (texts.length !== 1) return null;
    const named = parseHeadingText(texts[0]);
    if (named) {
      if (numberLike && named.number !== numberCell.replace(/\.$/, '')) {
        this.warn(line, `Номер «${numberCell}» в строке раздела «${shorten(texts[0])}» отброшен`);
      }
      return named;
    }
    // A wrapped cell line may start with a number too; a section's text spans the table from its first cell.
    if (!numberLike) return cells.findIndex((cell) => cell !== '') === 0 ? (this.numberedHeading(texts[0], index) ?? capitalsHeading(texts[0])) : null;
    if (texts[0] !== this.cell(cells, 'title')) return null;
    if (isRomanNumber(numberCell)) return { number: numberCell.replace(/\.$/, ''), title: texts[0] };
    const sectionNumber = /^(\d+)\.?$/.exec(numberCell)?.[1];
    if (sectionNumber && this.nextEventNumber(index)?.startsWith(`${sectionNumber}.`)) {
      return { number: sectionNumber, title: texts[0] };
    }
    return null;
  }

  /** «1. ОРГАНИЗАЦИОННОЕ …» is a section; in lower case only when the events after it are numbered under it. */
  private numberedHeading(text: string, index: number): SectionHeading | null {
    const heading = parseNumberedHeadingText(text);
    if (!heading || !startsLowercase(heading.title)) return heading;
    return this.nextEventNumber(index)?.startsWith(`${heading.number}.`) ? heading : null;
  }

  /**
   * A title wrapped over lines by the extractor puts a line starting with a number into the number column
   * («2 | руководителей центров» under «Проведение совещания с участием»). Such a row has only the title, in
   * lower case, and its number does not go on with the numbering of the event above; it continues that event.
   */
  private wrappedNumberedLine(cells: string[], numberCell: string, index: number, line: number): boolean {
    const number = EVENT_NUMBER.exec(numberCell)?.[1];
    if (!this.event || !number || number === this.event.number) return false;
    const kept = [columnIndex(this.layout, 'number'), columnIndex(this.layout, 'title')];
    const title = this.cell(cells, 'title');
    const onlyTitle = cells.every((cell, i) => kept.includes(i) || cell === '');
    if (!onlyTitle || !startsLowercase(title) || followsInNumbering(this.event.number, number)) return false;
    if (numberCell.endsWith('.') && this.nextEventNumber(index)?.startsWith(`${number}.`)) return false;
    this.event.fields.title = `${this.event.fields.title} ${number} ${title}`.trim();
    this.warn(
      line,
      `Строка «${shorten(`${numberCell} | ${title}`)}» прочитана как продолжение мероприятия № ${this.event.number ?? '—'}, а не новое мероприятие: номер ${number} не продолжает нумерацию, проверьте`,
    );
    return true;
  }

  /** Road maps number sections «1.» and their events «1.1»: look at the next numbered row to tell them apart. */
  private nextEventNumber(index: number): string | null {
    const numberColumn = columnIndex(this.layout, 'number');
    for (let i = index + 1; i < this.blocks.length; i++) {
      const match = EVENT_NUMBER.exec(this.blocks[i].cells[numberColumn] ?? '');
      if (match) return match[1];
    }
    return null;
  }

  private openSection(heading: SectionHeading, line: number): void {
    this.sections.push({ line, number: heading.number, title: heading.title, events: [] });
    this.event = null;
  }

  private openEvent(number: string | null, fields: EventFields, line: number): void {
    if (this.sections.length === 0) {
      this.warn(line, 'Мероприятия до первого раздела помещены в раздел без названия');
      this.sections.push({ line: null, number: null, title: '', events: [] });
    }
    if (fields.title === '') this.warn(line, `У мероприятия № ${number ?? '—'} нет наименования`);
    this.event = { line, number, fields };
    this.sections[this.sections.length - 1].events.push(this.event);
  }

  private continueEvent(fields: EventFields, line: number, filled: string[]): void {
    if (!this.event) {
      this.warn(line, `Строка без номера до первого мероприятия раздела не отнесена ни к одному мероприятию: «${shorten(filled.join(' | '))}»`);
      return;
    }
    for (const key of Object.keys(fields) as Array<keyof EventFields>) {
      this.event.fields[key] = joinContinuation(this.event.fields[key], fields[key]);
    }
  }

  private fieldsOf(cells: string[], line: number): EventFields {
    const fields: EventFields = { title: '', content: '', audience: '', deadline: '', responsible: '', expectedResult: '' };
    this.layout.columns.forEach((column, i) => {
      if (!column || column.field === 'number') return;
      const value = this.withoutLeakedLabel(cells[i] ?? '', column.label, line);
      fields[column.field] = joinContinuation(fields[column.field], value);
    });
    const extra = cells.slice(this.layout.columns.length).filter((cell) => cell !== '');
    if (extra.length > 0) {
      this.warn(line, `Ячейки за пределами таблицы присоединены к последнему столбцу: «${shorten(extra.join(' | '))}»`);
      const last = [...this.layout.columns].reverse().find((column) => column && column.field !== 'number');
      if (last && last.field !== 'number') fields[last.field] = joinContinuation(fields[last.field], extra.join(' '));
    }
    return fields;
  }

  /** The extractor sometimes glues a header label to the first cell under it («Сроки проведения В течение года»). */
  private withoutLeakedLabel(cell: string, label: string, line: number): string {
    const prefix = label.toLowerCase();
    if (prefix.length < 4 || !cell.toLowerCase().startsWith(`${prefix} `)) return cell;
    this.warn(line, `Из ячейки убрана подпись столбца «${label}»`);
    return cell.slice(label.length).trim();
  }

  private cell(cells: string[], field: ColumnField): string {
    const index = columnIndex(this.layout, field);
    return index < 0 ? '' : (cells[index] ?? '');
  }

  private warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }
}

/**
 * «ОРГАНИЗАЦИОННОЕ СОПРОВОЖДЕНИЕ» over the whole table without a number: a section. Capitals alone mark it;
 * an organization's short name in that place («ГБОУ ДПО ТОИУУ») is too short to be taken for one.
 */
function capitalsHeading(text: string): SectionHeading | null {
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length >= 12 && letters === letters.toUpperCase() && text.trim().split(/\s+/).length >= 2;
  return capitals ? { number: null, title: text.trim() } : null;
}

/** «3» after «2», «1.3» after «1.2»: the next number at the same level. */
function followsInNumbering(previous: string | null, next: string): boolean {
  if (previous === null) return true;
  const before = previous.split('.');
  const after = next.split('.');
  if (before.length !== after.length) return false;
  const last = after.length - 1;
  return after.slice(0, last).join('.') === before.slice(0, last).join('.') && Number(after[last]) === Number(before[last]) + 1;
}

export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

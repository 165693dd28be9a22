import type { DuePeriod, Report, ReportBody } from '../../api/types';

export type ItemInput = ReportBody['items'][number];
export type StoredItem = Report['items'][number];
export type EvidenceFile = StoredItem['files'][number];
export type Outcome = ItemInput['outcome'];

/** One due event as the form holds it: text as typed, turned into the request only when sent. */
export interface Row {
  outcome: Outcome;
  heldFrom: string;
  heldTo: string;
  postponedToDate: string;
  /** `2026-1` for the 1st quarter of 2026, '' for none. */
  postponedToQuarter: string;
  students: string;
  teachers: string;
  parents: string;
  others: string;
  participantsConfirmed: boolean;
  /** One link a line. */
  links: string;
  files: EvidenceFile[];
  comment: string;
}

export const CATEGORIES = [
  ['students', 'Обучающихся'],
  ['teachers', 'Педагогов'],
  ['parents', 'Родителей'],
  ['others', 'Других участников'],
] as const;

export const emptyRow = (): Row => ({
  outcome: 'held',
  heldFrom: '',
  heldTo: '',
  postponedToDate: '',
  postponedToQuarter: '',
  students: '',
  teachers: '',
  parents: '',
  others: '',
  participantsConfirmed: false,
  links: '',
  files: [],
  comment: '',
});

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A row from what was saved or sent: a draft names its files by id only, so their names come from the uploads known. */
export function rowOf(item: ItemInput | StoredItem, known: ReadonlyMap<string, EvidenceFile>): Row {
  const files = (item.files ?? []).map((file) => (typeof file === 'string' ? (known.get(file) ?? { id: file, name: 'файл', contentType: '', size: 0 }) : file));
  return {
    outcome: item.outcome,
    heldFrom: item.heldFrom ?? '',
    heldTo: item.heldTo ?? '',
    postponedToDate: item.postponedToDate ?? '',
    postponedToQuarter: item.postponedToQuarter ? `${item.postponedToQuarter.year}-${item.postponedToQuarter.quarter}` : '',
    students: text(item.attendance?.students),
    teachers: text(item.attendance?.teachers),
    parents: text(item.attendance?.parents),
    others: text(item.attendance?.others),
    participantsConfirmed: 'participantsConfirmed' in item ? Boolean(item.participantsConfirmed) : false,
    links: (item.links ?? []).join('\n'),
    files,
    comment: item.comment ?? '',
  };
}

/** The rows of the form: those given (a draft or the report corrected) when they match the events, else empty ones. */
export function initialRows(events: DuePeriod['events'], items: readonly (ItemInput | StoredItem)[] | undefined): Row[] {
  const known = new Map<string, EvidenceFile>();
  const byEvent = new Map((items ?? []).map((item) => [item.eventId, item]));
  return events.map((event) => {
    const item = byEvent.get(event.id);
    return item ? rowOf(item, known) : emptyRow();
  });
}

const count = (value: string) => (value.trim() === '' ? 0 : Number(value));

/** The request item: only what the outcome asks for, so a field left from another choice is not sent. */
export function itemOf(eventId: string, row: Row): ItemInput {
  const held = row.outcome === 'held' || row.outcome === 'partly';
  const postponed = row.outcome === 'postponed';
  const [year, quarter] = row.postponedToQuarter.split('-').map(Number);
  const counted = [row.students, row.teachers, row.parents, row.others].some((value) => value.trim() !== '');
  return {
    eventId,
    outcome: row.outcome,
    heldFrom: held ? row.heldFrom || null : null,
    heldTo: held ? row.heldTo || row.heldFrom || null : null,
    postponedToDate: postponed ? row.postponedToDate || null : null,
    postponedToQuarter: postponed && row.postponedToQuarter ? { year, quarter } : null,
    attendance: held && counted ? { students: count(row.students), teachers: count(row.teachers), parents: count(row.parents), others: count(row.others) } : null,
    participantsConfirmed: held && row.participantsConfirmed ? true : undefined,
    links: row.links
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    files: row.files.map((file) => file.id),
    comment: row.comment.trim() || null,
  };
}

/** The four quarters after the period's: where a postponed event may go by quarter. */
export function laterQuarters(year: number, quarter: number): { value: string; content: string }[] {
  return [1, 2, 3, 4].map((step) => {
    const index = year * 4 + (quarter - 1) + step;
    const y = Math.floor(index / 4);
    const q = (index % 4) + 1;
    return { value: `${y}-${q}`, content: `${q} квартал ${y} г.` };
  });
}

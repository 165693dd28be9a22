import type { DateInterval, Recurrence, ScheduleKind } from '../schedule/schedule.types';

/**
 * The JSON that `eduplan import FILE --json` prints. Other tools read it: change it only by adding fields.
 * Unknown values are null, never invented.
 */
export interface ImportedPlanFile {
  document: ImportedDocument;
  plan: ImportedPlan;
  warnings: ImportWarning[];
}

export interface ImportedDocument {
  kind: 'prikaz' | 'rasporyazhenie' | null;
  issuer: string | null;
  date: string | null;
  number: string | null;
  place: string | null;
  title: string | null;
  signatory: { position: string; name: string } | null;
  /** «В соответствии с …» / «На основании …»: the legal basis before «приказываю». */
  basis?: string | null;
  /** The order's numbered points («1. Утвердить …»). */
  points?: string[];
  /** The appendix's approval stamp («УТВЕРЖДЕН распоряжением … от … №», «Приложение к приказу …»). */
  approval?: ImportedApprovalStamp | null;
  /** The plan's list of abbreviations («Список сокращений»), when it has one: they expand the «Ответственные». */
  glossary?: GlossaryEntry[];
  /**
   * Every abbreviation the document defines, in its glossary or inline («(далее – ЦОКО)»), when it defines
   * any: the region learns them as aliases of the organizations their full names link to.
   */
  abbreviations?: DefinedAbbreviation[];
}

export interface DefinedAbbreviation extends GlossaryEntry {
  source: 'glossary' | 'inline';
}

/** One line of a plan's list of abbreviations: «ТОИУУ» — «Тверской областной институт усовершенствования учителей». */
export interface GlossaryEntry {
  short: string;
  full: string;
}

export interface ImportedApprovalStamp {
  text: string;
  kind: 'prikaz' | 'rasporyazhenie' | null;
  issuer: string | null;
  date: string | null;
  number: string | null;
}

export interface ImportedPlan {
  title: string | null;
  period: DateInterval;
  sections: ImportedSection[];
}

export interface ImportedSection {
  number: string | null;
  title: string;
  directionCode: number | null;
  events: ImportedEvent[];
}

export interface ImportedEvent {
  number: string | null;
  /** 1-based source line (or .docx block) where the event starts. */
  line?: number;
  title: string;
  content: string | null;
  audience: string | null;
  expectedResult: string | null;
  deadline: ImportedDeadline;
  responsible: ImportedResponsible[];
}

export interface ImportedDeadline {
  raw: string;
  kind: ScheduleKind;
  intervals: DateInterval[];
  recurrence: Recurrence | null;
  warnings: string[];
}

export interface ImportedResponsible {
  /** The text as the document has it. */
  raw: string;
  /** The same with the document's abbreviations (inline «далее – …» and its glossary) expanded. */
  name: string;
}

export interface ImportWarning {
  /** 1-based line of the source text (or table row for .docx); null when not tied to one line. */
  line: number | null;
  message: string;
}

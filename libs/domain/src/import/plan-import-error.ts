export type PlanImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'bad-docx'
  | 'bad-xlsx'
  | 'bad-pdf'
  | 'scanned-pdf'
  | 'no-table'
  | 'no-header'
  | 'no-period';

/** Input that is not a plan at all; the message is one line, Russian then English, ready for a user. */
export class PlanImportError extends Error {
  constructor(
    readonly code: PlanImportErrorCode,
    readonly reasonRu: string,
    readonly reasonEn: string,
  ) {
    super(`Файл не похож на план мероприятий: ${reasonRu} / Not a plan: ${reasonEn}`);
    this.name = 'PlanImportError';
  }
}

/** Which of the import's limits (`PLAN_IMPORT_LIMITS`) a file went past. */
export type PlanImportLimit = 'unpacked-size' | 'zip-entries' | 'xml-depth' | 'time' | 'memory';

/**
 * A file that may well be a plan but would take more than the import allows to unpack or parse (a zip
 * bomb, absurd nesting); the message names the limit, Russian then English.
 */
export class PlanImportLimitError extends Error {
  constructor(
    readonly limit: PlanImportLimit,
    readonly reasonRu: string,
    readonly reasonEn: string,
  ) {
    super(`Файл не разобран: ${reasonRu} / File not parsed: ${reasonEn}`);
    this.name = 'PlanImportLimitError';
  }
}

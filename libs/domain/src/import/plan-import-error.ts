export type PlanImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'bad-docx'
  | 'no-table'
  | 'no-header'
  | 'no-period';

/** Input that is not a plan at all; the message is one line, Russian then English, ready for a user. */
export class PlanImportError extends Error {
  constructor(
    readonly code: PlanImportErrorCode,
    reasonRu: string,
    reasonEn: string,
  ) {
    super(`Файл не похож на план мероприятий: ${reasonRu} / Not a plan: ${reasonEn}`);
    this.name = 'PlanImportError';
  }
}

/** A file that cannot be read as a table of organizations; `reason` is Russian and says what to do. */
export class OrganizationSheetError extends Error {
  constructor(readonly reason: string) {
    super(`Файл не похож на таблицу организаций: ${reason}`);
    this.name = 'OrganizationSheetError';
  }
}

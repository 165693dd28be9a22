/** What a row of an organization table may say; every value is the cell's text as typed, checked later by the registry. */
export interface OrganizationSheetRow {
  /** Line of the sheet (1 = the header), so a report points where the person must look. */
  line: number;
  name: string;
  shortName: string;
  type: string;
  inn: string;
  ogrn: string;
  address: string;
  timeZone: string;
  municipality: string;
  parent: string;
  issuer: string;
}

export type OrganizationSheetField = Exclude<keyof OrganizationSheetRow, 'line'>;

/**
 * Column headers as ministries write them, compared ignoring case, «ё», punctuation and spaces. The first of
 * each list is the header the import's template uses; README.md lists them for the people who fill tables.
 */
export const ORGANIZATION_SHEET_HEADERS: Record<OrganizationSheetField, string[]> = {
  name: ['Полное наименование', 'Наименование', 'Полное наименование организации', 'Наименование организации', 'Организация'],
  shortName: ['Краткое наименование', 'Сокращенное наименование', 'Краткое наименование организации'],
  type: ['Тип', 'Вид', 'Тип организации', 'Вид организации', 'Тип центра'],
  inn: ['ИНН'],
  ogrn: ['ОГРН'],
  address: ['Адрес', 'Юридический адрес', 'Фактический адрес', 'Адрес местонахождения'],
  timeZone: ['Часовой пояс'],
  municipality: ['Муниципалитет', 'Муниципальное образование', 'Муниципальный район', 'Муниципальный район (городской округ)', 'МО'],
  parent: ['Вышестоящая организация', 'Базовая организация', 'На базе организации'],
  issuer: ['Учредитель', 'Орган управления образованием', 'Подчиняется'],
};

export const headerKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const FIELD_BY_HEADER = new Map(
  Object.entries(ORGANIZATION_SHEET_HEADERS).flatMap(([field, headers]) => headers.map((header) => [headerKey(header), field as OrganizationSheetField])),
);

/** The field a header names, or null for a column the import does not use (№ п/п, примечание …). */
export const fieldOfHeader = (header: string): OrganizationSheetField | null => FIELD_BY_HEADER.get(headerKey(header)) ?? null;

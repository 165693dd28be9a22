import { CENTER_TYPE_NAMES, CENTER_TYPES, ORGANIZATION_KIND_NAMES, ORGANIZATION_KINDS, type CenterType, type OrganizationKind } from '@eduplan/contracts';

export interface OrganizationType {
  kind: OrganizationKind;
  centerType: CenterType | null;
}

/** Compared ignoring case, «ё», quotes, hyphens and spaces: «IT-куб», «IT куб» and «"It-Куб"» are one type. */
export const typeKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** How ministries' tables write the «Тип» column, besides the registry's own names and codes. */
const SYNONYMS: [string, OrganizationType][] = [
  ...['Министерство', 'Комитет', 'Департамент', 'Орган управления образованием субъекта'].map((t) => [t, { kind: 'ministry', centerType: null }] as [string, OrganizationType]),
  ...['Институт', 'ИРО', 'Институт развития образования', 'ЦНППМ', 'ТОИУУ', 'Институт повышения квалификации'].map(
    (t) => [t, { kind: 'institute', centerType: null }] as [string, OrganizationType],
  ),
  ...['Региональный координатор', 'Координатор', 'РМЦ', 'Региональный модельный центр'].map((t) => [t, { kind: 'coordinator', centerType: null }] as [string, OrganizationType]),
  ...['Муниципальный орган управления образованием', 'МОУО', 'Управление образования', 'Отдел образования', 'Муниципальный орган'].map(
    (t) => [t, { kind: 'municipal_body', centerType: null }] as [string, OrganizationType],
  ),
  ...['Школа', 'Колледж', 'Техникум', 'Лицей', 'Гимназия', 'Образовательная организация', 'ОО', 'Общеобразовательная организация', 'ПОО'].map(
    (t) => [t, { kind: 'school', centerType: null }] as [string, OrganizationType],
  ),
  ...['Иная организация', 'Организация', 'Другое'].map((t) => [t, { kind: 'institution', centerType: null }] as [string, OrganizationType]),
  ...(
    [
      ['Точка роста', 'tochka_rosta'],
      ['Центр Точка роста', 'tochka_rosta'],
      ['Кванториум', 'kvantorium'],
      ['Технопарк Кванториум', 'kvantorium'],
      ['Стационарный Кванториум', 'kvantorium'],
      ['Школьный Кванториум', 'kvantorium_school'],
      ['Школьный технопарк Кванториум', 'kvantorium_school'],
      ['Мобильный Кванториум', 'kvantorium_mobile'],
      ['Мобильный технопарк Кванториум', 'kvantorium_mobile'],
      ['IT-куб', 'it_cube'],
      ['Айти-куб', 'it_cube'],
      ['Центр IT-куб', 'it_cube'],
      ['ЦЦОД', 'cdod'],
      ['Центр цифрового образования детей', 'cdod'],
      ['ИнфинITи', 'infiniti'],
      ['Инфинити', 'infiniti'],
    ] as const
  ).map(([t, centerType]) => [t, { kind: 'center', centerType }] as [string, OrganizationType]),
];

const TYPES = new Map<string, OrganizationType>([
  ...ORGANIZATION_KINDS.filter((kind) => kind !== 'center').flatMap((kind) => [
    [typeKey(kind), { kind, centerType: null }] as const,
    [typeKey(ORGANIZATION_KIND_NAMES[kind]), { kind, centerType: null }] as const,
  ]),
  ...CENTER_TYPES.flatMap((centerType) => [
    [typeKey(centerType), { kind: 'center' as const, centerType }] as const,
    [typeKey(CENTER_TYPE_NAMES[centerType]), { kind: 'center' as const, centerType }] as const,
  ]),
  ...SYNONYMS.map(([text, type]) => [typeKey(text), type] as const),
]);

/** The kind (and center type) a table's «Тип» cell names, or null when it names none the registry knows. */
export const organizationTypeOf = (text: string): OrganizationType | null => TYPES.get(typeKey(text)) ?? null;

// No imports but types: the web client bundles this file for its labels (see services/web/src/labels.ts).

/**
 * Kinds of organization in a region's network. `ministry` is an issuer (министерство, комитет, департамент);
 * `institution` is what every organization was before kinds were told apart (иная организация).
 */
export const ORGANIZATION_KINDS = ['ministry', 'institute', 'coordinator', 'municipal_body', 'school', 'center', 'institution'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Types of center of the national project «Образование»; «Кванториум» comes stationary, at a school or mobile. */
export const CENTER_TYPES = ['tochka_rosta', 'kvantorium', 'kvantorium_school', 'kvantorium_mobile', 'it_cube', 'cdod', 'infiniti'] as const;
export type CenterType = (typeof CENTER_TYPES)[number];

/** The one Russian name of each kind, as the UI shows it and as the «Тип» column of an import spells it. */
export const ORGANIZATION_KIND_NAMES: Record<OrganizationKind, string> = {
  ministry: 'Министерство (комитет, департамент)',
  institute: 'Институт (ИРО, ЦНППМ)',
  coordinator: 'Региональный координатор',
  municipal_body: 'Муниципальный орган управления образованием',
  school: 'Образовательная организация (школа, колледж)',
  center: 'Центр',
  institution: 'Иная организация',
};

export const CENTER_TYPE_NAMES: Record<CenterType, string> = {
  tochka_rosta: '«Точка роста»',
  kvantorium: 'Детский технопарк «Кванториум»',
  kvantorium_school: 'Школьный «Кванториум»',
  kvantorium_mobile: 'Мобильный «Кванториум»',
  it_cube: '«IT-куб»',
  cdod: 'Центр цифрового образования детей (ЦЦОД)',
  infiniti: '«ИнфинITи»',
};

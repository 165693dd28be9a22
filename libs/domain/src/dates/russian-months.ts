/** Month names as Russian documents inflect them; index 0 is January. */
export const RU_MONTHS_NOMINATIVE = [
  'январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
  'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь',
] as const;

/** «28 августа», «до 1 сентября». */
export const RU_MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

/** «в августе». */
export const RU_MONTHS_PREPOSITIONAL = [
  'январе', 'феврале', 'марте', 'апреле', 'мае', 'июне',
  'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре',
] as const;

export type RuGrammaticalCase = 'nominative' | 'genitive' | 'prepositional';

const BY_CASE: Record<RuGrammaticalCase, readonly string[]> = {
  nominative: RU_MONTHS_NOMINATIVE,
  genitive: RU_MONTHS_GENITIVE,
  prepositional: RU_MONTHS_PREPOSITIONAL,
};

/** `month` is 1..12. */
export function ruMonthName(month: number, grammaticalCase: RuGrammaticalCase = 'nominative'): string {
  const name = BY_CASE[grammaticalCase][month - 1];
  if (name === undefined) throw new RangeError(`Month out of range: ${month}`);
  return name;
}

/**
 * Stems long enough to be unambiguous, so any case form and the usual abbreviations («сент.», «дек.»)
 * match; «ма[йяею]» is spelled out because «ма» alone would match ordinary words.
 */
const MONTH_WORD_PATTERNS: readonly RegExp[] = [
  /^янв(?:ар[ьяюе]|\.|$)/,
  /^фев(?:рал[ьяюе]|р?\.|р?$)/,
  /^мар(?:т[аеу]?|\.)?$/,
  /^апр(?:ел[ьяюе]|\.|$)/,
  /^ма[йяею]$/,
  /^июн[ьяюе]?\.?$/,
  /^июл[ьяюе]?\.?$/,
  /^авг(?:уст[аеу]?|\.|$)/,
  /^сен(?:тябр[ьяюе]|т?\.|т?$)/,
  /^окт(?:ябр[ьяюе]|\.|$)/,
  /^ноя(?:бр[ьяюе]|б?\.|б?$)/,
  /^дек(?:абр[ьяюе]|\.|$)/,
];

/** 1..12 for a Russian month word in any case («сентября», «мае», «Дек.»), otherwise null. */
export function monthFromRussianWord(word: string): number | null {
  const normalized = word.toLowerCase().replace(/ё/g, 'е');
  const index = MONTH_WORD_PATTERNS.findIndex((pattern) => pattern.test(normalized));
  return index === -1 ? null : index + 1;
}

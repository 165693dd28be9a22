import { monthFromRussianWord } from '../dates/russian-months';

export type Season = 'winter' | 'spring' | 'summer' | 'autumn';

/** A word or number of a normalized deadline text, classified for the date grammar. */
export type DeadlineToken =
  | { type: 'date'; day: number; month: number; year: number; text: string }
  | { type: 'dayMonth'; day: number; month: number; text: string }
  | { type: 'number'; value: number }
  | { type: 'year'; value: number }
  | { type: 'month'; value: number }
  /** Roman numerals and ordinal words: only meaningful before «квартал» / «полугодие». */
  | { type: 'ordinal'; value: number }
  | { type: 'quarterWord' }
  | { type: 'halfWord' }
  | { type: 'season'; value: Season }
  | { type: 'dash' }
  | { type: 'from' }
  | { type: 'until' }
  | { type: 'and' }
  | { type: 'comma' }
  | { type: 'academic' }
  | { type: 'then' }
  | { type: 'yearWord' }
  | { type: 'word'; text: string };

const TOKEN = /(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?!\d)|(\d{1,2})\.(\d{1,2})(?![\d.])|\d+|[a-zа-я]+\.?|[-,;:]/g;

const ORDINALS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

const WORD_RULES: readonly [RegExp, (word: string) => DeadlineToken][] = [
  [/^(?:кв\.?|квартал[а-я]*)$/, () => ({ type: 'quarterWord' })],
  [/^полугоди[а-я]*$/, () => ({ type: 'halfWord' })],
  [/^(?:i|ii|iii|iv)$/, (word) => ({ type: 'ordinal', value: ORDINALS[word] ?? 0 })],
  [/^перв/, () => ({ type: 'ordinal', value: 1 })],
  [/^втор/, () => ({ type: 'ordinal', value: 2 })],
  [/^трет/, () => ({ type: 'ordinal', value: 3 })],
  [/^четверт/, () => ({ type: 'ordinal', value: 4 })],
  [/^зим(?:а|ы|ой|у|нее|ний|него|нем|нюю|няя)$/, () => ({ type: 'season', value: 'winter' })],
  [/^весн(?:а|ы|ой|у|е)$|^весенн/, () => ({ type: 'season', value: 'spring' })],
  [/^лет(?:о|а|ом|ний|него|нем|нюю|няя|нее)$/, () => ({ type: 'season', value: 'summer' })],
  [/^осен(?:ь|и|ью|ний|него|нем|нюю|няя|нее)$/, () => ({ type: 'season', value: 'autumn' })],
  [/^(?:с|со|от|начиная)$/, () => ({ type: 'from' })],
  [/^(?:до|по|позднее|позже)$/, () => ({ type: 'until' })],
  [/^и$/, () => ({ type: 'and' })],
  // «учебного года», «уч. г.», «уч.год».
  [/^учебн|^уч$/, () => ({ type: 'academic' })],
  [/^далее$|^дальнейшем$/, () => ({ type: 'then' })],
  [/^(?:г|гг|год|года|году|годах|годы|годов)\.?$/, () => ({ type: 'yearWord' })],
];

function classifyWord(word: string): DeadlineToken {
  const month = monthFromRussianWord(word);
  if (month !== null) return { type: 'month', value: month };
  const bare = word.replace(/\.$/, '');
  const rule = WORD_RULES.find(([pattern]) => pattern.test(word) || pattern.test(bare));
  return rule ? rule[1](bare) : { type: 'word', text: bare };
}

function expandShortYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

/** Splits text made by `normalizeDeadlineText` into tokens. */
export function tokenizeDeadline(normalized: string): DeadlineToken[] {
  const tokens: DeadlineToken[] = [];
  for (const match of normalized.matchAll(TOKEN)) {
    const [text, day, month, year, shortDay, shortMonth] = match;
    if (day !== undefined && month !== undefined && year !== undefined) {
      tokens.push({ type: 'date', day: Number(day), month: Number(month), year: expandShortYear(year), text });
    } else if (shortDay !== undefined && shortMonth !== undefined) {
      tokens.push({ type: 'dayMonth', day: Number(shortDay), month: Number(shortMonth), text });
    } else if (/^\d+$/.test(text)) {
      const value = Number(text);
      tokens.push(text.length === 4 && value >= 1990 && value <= 2100 ? { type: 'year', value } : { type: 'number', value });
    } else if (text === '-') {
      tokens.push({ type: 'dash' });
    } else if (text === ',') {
      tokens.push({ type: 'comma' });
    } else if (text === ';' || text === ':') {
      tokens.push({ type: 'word', text });
    } else {
      tokens.push(classifyWord(text));
    }
  }
  return tokens;
}

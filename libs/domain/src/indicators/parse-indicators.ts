import type { Achievement, Comparator, IndicatorTarget } from './indicator.types';

/** Longest first, so «не менее» is not read as «менее». */
const COMPARATORS: readonly [string, Comparator][] = [
  ['не менее', '>='], ['не меньше', '>='], ['не ниже', '>='], ['по меньшей мере', '>='], ['по крайней мере', '>='], ['как минимум', '>='], ['минимум', '>='],
  ['не более', '<='], ['не больше', '<='], ['не выше', '<='], ['не свыше', '<='], ['максимум', '<='],
  ['более', '>'], ['больше', '>'], ['свыше', '>'], ['выше', '>'],
  ['менее', '<'], ['меньше', '<'], ['ниже', '<'],
  ['ровно', '='], ['до', '<='],
];

/** Numerals a plan writes in words; only read after a comparator («не менее двух мероприятий»). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  один: 1, одного: 1, одной: 1, одно: 1, одну: 1, два: 2, две: 2, двух: 2, три: 3, трех: 3, четыре: 4, четырех: 4,
  пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9, десять: 10, десяти: 10,
};

const MONTHS = /^(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/;

/** What a count counts, by the start of its word: the dictionary form, and whether it is a group of people or organizations. */
const COUNTED: readonly [RegExp, string, 'population' | 'event'][] = [
  [/^мероприяти/, 'мероприятие', 'event'],
  [/^раз[а]?$/, 'раз', 'event'],
  [/^(?:семинар|вебинар|мастер-класс|конкурс|заняти|урок|встреч|совещани|олимпиад|конференци|фестивал|экскурси|акци|публикаци|проект)/, '', 'event'],
  [/^(?:организаци|оу$|оо$|оог?$|доу$|поо$|сош$|школ)/, 'организация', 'population'],
  [/^(?:ццо|цдо|центр|кванториум|it-куб|ит-куб)/, 'центр', 'population'],
  [/^(?:человек|чел\.?$)/, 'человек', 'population'],
  [/^(?:обучающ|учащ|школьник|дет|ребен|ребён|студент|выпускник)/, 'обучающийся', 'population'],
  [/^(?:педагог|учител|преподавател|методист|руководител)/, 'педагог', 'population'],
  [/^(?:участник|слушател)/, 'участник', 'population'],
  [/^(?:муниципалитет|муниципальн|округ|район)/, 'муниципалитет', 'population'],
];

const PER: readonly [RegExp, IndicatorTarget['per']][] = [
  [/\s*(?:(?:в|за)\s+(?:учебный\s+|календарный\s+)?год|ежегодно|в\s+течение\s+(?:учебного\s+)?года)/u, 'год'],
  [/\s*(?:(?:в|за)\s+квартал|ежеквартально|в\s+течение\s+квартала)/u, 'квартал'],
  [/\s*(?:(?:в|за)\s+месяц|ежемесячно|в\s+течение\s+месяца)/u, 'месяц'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COMPARATOR_PATTERN = COMPARATORS.map(([words]) => escape(words).replace(/ /g, '\\s+')).join('|');
const DIGITS = String.raw`\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;
const WORDS = Object.keys(NUMBER_WORDS).map((word) => word.replace(/е/g, '[её]')).join('|');

/**
 * A figure, with what may stand before it (a comparator, «чем», a preposition) and after it (a percent,
 * «и более»). Not glued to a word or code: «3D», «№ 18», «9-х», «2023/2024» are not figures.
 */
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\d№#\-/.,])(?:(${COMPARATOR_PATTERN})\s+(?:чем\s+)?(?:(?:в|на|у|с|для|среди|из)\s+)?)?` +
    String.raw`(${DIGITS}|${WORDS})(?![\p{L}\d\-/]|[.,]\d)` +
    String.raw`(\s*(?:%|процент\p{L}*))?(?:\s+и\s+(более|больше|выше|менее|меньше|ниже))?`,
  'giu',
);

/** Where the words about a figure end. */
const CLAUSE_END = /[,;.!?()«»"]|\s(?:и|а|также)\s+(?=\S*\s*\d|не\s|более|менее)|\s[–—-]\s/u;

const MAX_TEXT = 20_000;

/**
 * Measurable targets in a plan's text: «не менее 50% обучающихся …», «100% ЦЦО», «не менее 20 ОУ»,
 * «не менее 3 мероприятий в год». A figure counts only with a percent, a comparator, or a countable word
 * after it, so years, dates, class numbers and codes in titles are not targets. Never throws: a text it
 * cannot read gives no targets.
 */
export function parseIndicators(text: string | null | undefined): IndicatorTarget[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  const source = text.slice(0, MAX_TEXT).replace(/\s+/g, ' ');
  const targets: IndicatorTarget[] = [];
  for (const match of source.matchAll(FIGURE)) {
    const target = readTarget(source, match);
    if (target) targets.push(target);
  }
  return targets;
}

function readTarget(source: string, match: RegExpMatchArray): IndicatorTarget | null {
  const [whole, comparatorWords, figure, percent, trailing] = match;
  const start = match.index ?? 0;
  const written = figure.toLowerCase().replace(/ё/g, 'е');
  const isWord = written in NUMBER_WORDS;
  const value = isWord ? NUMBER_WORDS[written] : Number(written.replace(/ /g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const comparator = comparatorOf(comparatorWords, trailing);
  const after = source.slice(start + whole.length);
  const clause = after.split(CLAUSE_END)[0].trim();
  const [firstWord = ''] = clause.split(' ');
  const first = firstWord.toLowerCase().replace(/ё/g, 'е');
  if (MONTHS.test(first) || /^(?:год|года|году|лет|г\.?)$/.test(first)) return null;
  const { rest: nounPhrase, per } = withoutPeriod(clause);
  if (percent) {
    const population = nounPhrase || populationBefore(source, start);
    return { measure: 'доля', comparator, value, unit: '%', population: population || null, per, phrase: phraseOf(source, start, whole, clause) };
  }
  // «до 25 декабря», «до 2 лет» are dates and ages; «до» reads as a bound only for shares.
  if (comparatorWords?.toLowerCase().replace(/\s+/g, ' ') === 'до') return null;
  const counted = COUNTED.find(([stem]) => stem.test(first));
  if (!comparatorWords && !trailing && (isWord || !counted)) return null;
  if (!first || /^\d/.test(first)) return null;
  const kind = counted?.[2] ?? 'population';
  return {
    measure: 'количество',
    comparator,
    value,
    unit: counted?.[1] || firstWord,
    population: kind === 'event' ? null : nounPhrase || null,
    per,
    phrase: phraseOf(source, start, whole, clause),
  };
}

function comparatorOf(words: string | undefined, trailing: string | undefined): Comparator {
  if (words) {
    const normalized = words.toLowerCase().replace(/\s+/g, ' ');
    return COMPARATORS.find(([text]) => text === normalized)?.[1] ?? '>=';
  }
  if (trailing) return /более|больше|выше/i.test(trailing) ? '>=' : '<=';
  return '>=';
}

function withoutPeriod(clause: string): { rest: string; per: IndicatorTarget['per'] } {
  for (const [pattern, per] of PER) {
    if (pattern.test(clause)) return { rest: clause.replace(pattern, '').trim(), per };
  }
  return { rest: clause, per: null };
}

/** «Охват обучающихся … – не менее 50%»: the share's population written before it, in the same clause. */
function populationBefore(source: string, start: number): string {
  const before = source.slice(0, start);
  const clause = before.split(/[;.!?()]/).pop() ?? '';
  return clause
    .replace(/[\s,:–—-]+$/u, '')
    .replace(/^\s*(?:доля|охват|удельный вес|количество|число)\s+/iu, '')
    .trim();
}

function phraseOf(source: string, start: number, whole: string, clause: string): string {
  return `${source.slice(start, start + whole.length)}${clause ? ` ${clause}` : ''}`.replace(/\s+/g, ' ').trim();
}

/** Whether an actual figure meets the target; «нет данных» when there is no figure. */
export function achievement(target: Pick<IndicatorTarget, 'comparator' | 'value'>, actual: number | null | undefined): Achievement {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return 'нет данных';
  const met = {
    '>=': actual >= target.value,
    '<=': actual <= target.value,
    '>': actual > target.value,
    '<': actual < target.value,
    '=': actual === target.value,
  }[target.comparator];
  return met ? 'достигнут' : 'не достигнут';
}

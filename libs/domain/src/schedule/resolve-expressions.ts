import { compareIsoDates, parseIsoDate } from '../dates/iso-date';
import { formatRuDateRange } from '../dates/format-ru-date';
import type { DateExpression, DatePoint } from './date-expressions';
import { containsInterval, intersectIntervals } from './interval-math';
import { pointInterval } from './point-interval';
import type { DateInterval, PlanPeriod } from './schedule.types';

/** How exactly the text pins an interval down: kinds and recurrence anchoring depend on it. */
export type IntervalPrecision = 'day' | 'subYear' | 'year';

export interface ResolvedInterval {
  interval: DateInterval;
  precision: IntervalPrecision;
}

export interface Resolution {
  intervals: ResolvedInterval[];
  warnings: string[];
  confidence: number;
}

export interface ResolveOptions {
  /** A recurring text («ежегодно, июль-август») names months for every year, so a missing year is no doubt. */
  yearlessIsExpected: boolean;
}

interface Candidate {
  interval: DateInterval;
  problems: string[];
  /** The only written year was moved from the end to the start («Сентябрь - Май 2023» → 2023/2024). */
  reinterpreted: boolean;
  startYear: number;
}

const period = (p: PlanPeriod): DateInterval => ({ start: p.start, end: p.end });

function yearPairs(expression: DateExpression, planPeriod: PlanPeriod): [number, number, boolean][] {
  const single = expression.start === expression.end;
  const startYear = expression.start.year;
  const endYear = expression.end.year;
  if (single) {
    return startYear !== undefined ? [[startYear, startYear, false]] : guessedYears(planPeriod).map((y) => [y, y, false]);
  }
  if (startYear !== undefined && endYear !== undefined) return [[startYear, endYear, false]];
  if (endYear !== undefined) {
    return [[endYear, endYear, false], [endYear - 1, endYear, false], [endYear, endYear + 1, true]];
  }
  if (startYear !== undefined) return [[startYear, startYear, false], [startYear, startYear + 1, false]];
  return guessedYears(planPeriod).flatMap((y): [number, number, boolean][] => [[y, y, false], [y, y + 1, false]]);
}

function guessedYears(planPeriod: PlanPeriod): number[] {
  const first = parseIsoDate(planPeriod.start).year - 1;
  const last = parseIsoDate(planPeriod.end).year + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function buildCandidate(expression: DateExpression, [startYear, endYear, reinterpreted]: [number, number, boolean]): Candidate | null {
  const start = pointInterval(expression.start, startYear);
  const end = pointInterval(expression.end, endYear);
  if (start.interval === null || end.interval === null) return null;
  const interval = { start: start.interval.start, end: end.interval.end };
  if (compareIsoDates(interval.start, interval.end) > 0) return null;
  const problems = [start.problem, expression.end === expression.start ? undefined : end.problem].filter(
    (problem): problem is string => problem !== undefined,
  );
  return { interval, problems, reinterpreted, startYear };
}

function fit(candidate: Candidate, planPeriod: PlanPeriod): number {
  if (containsInterval(period(planPeriod), candidate.interval)) return 2;
  return intersectIntervals(period(planPeriod), candidate.interval) ? 1 : 0;
}

function precisionOf(expression: DateExpression): IntervalPrecision {
  const units = [expression.start.unit, expression.end.unit];
  if (units.every((unit) => unit === 'day')) return 'day';
  if (units.every((unit) => unit === 'year' || unit === 'academicYear')) return 'year';
  return 'subYear';
}

function firstProblem(expression: DateExpression): string {
  const written = [expression.start.text, expression.end.text].find((text) => text !== undefined);
  return written ? `Несуществующая дата «${written}»: срок пропущен` : 'Неполная дата: срок пропущен';
}

function isBareDay(point: DatePoint): boolean {
  return point.unit === 'day' && point.month === undefined;
}

function inheritMonth(point: DatePoint, donor: DatePoint): DatePoint {
  if (!isBareDay(point) || donor.unit !== 'day' || donor.month === undefined) return point;
  return { ...point, month: donor.month, year: point.year ?? donor.year };
}

/**
 * Gives every bare day («15» in «15-20 декабря», «5» in «5 и 12 мая») the month of what completes it:
 * the end of its range or the next expression. A bare number nothing completes was not a date.
 */
function completeBareDays(expressions: readonly DateExpression[]): DateExpression[] {
  const completed: DateExpression[] = [];
  for (const expression of [...expressions].reverse()) {
    const single = expression.start === expression.end;
    const donor = single ? completed[0]?.start : expression.end;
    const start = donor ? inheritMonth(expression.start, donor) : expression.start;
    if (isBareDay(start)) continue;
    completed.unshift({ ...expression, start, end: single ? start : expression.end });
  }
  return completed;
}

/**
 * Turns date expressions into intervals, choosing missing years so the interval falls into the plan
 * period, and says in Russian whatever had to be guessed.
 */
export function resolveExpressions(
  rawExpressions: readonly DateExpression[],
  planPeriod: PlanPeriod,
  options: ResolveOptions,
): Resolution {
  const expressions = completeBareDays(rawExpressions);
  const warnings: string[] = [];
  let confidence = 1;
  const cap = (value: number, warning?: string): void => {
    confidence = Math.min(confidence, value);
    if (warning !== undefined && !warnings.includes(warning)) warnings.push(warning);
  };
  const writtenYears = expressions.flatMap((e) => [e.start.year, e.end.year]).filter((y): y is number => y !== undefined);
  const planText = formatRuDateRange(planPeriod.start, planPeriod.end);
  const intervals: ResolvedInterval[] = [];

  for (const expression of expressions) {
    const candidates = yearPairs(expression, planPeriod)
      .map((pair) => buildCandidate(expression, pair))
      .filter((candidate): candidate is Candidate => candidate !== null);
    const yearless = expression.start.year === undefined && expression.end.year === undefined;
    const score = (c: Candidate): number =>
      fit(c, planPeriod) * 100 + (c.reinterpreted ? 0 : 10) + (yearless && writtenYears.includes(c.startYear) ? 5 : 0);
    const best = candidates.reduce<Candidate | null>((top, c) => (top === null || score(c) > score(top) ? c : top), null);
    if (best === null) {
      cap(0.3, firstProblem(expression));
      continue;
    }
    let interval = best.interval;
    const text = (): string => formatRuDateRange(interval.start, interval.end);
    best.problems.forEach((problem) => cap(0.3, problem));

    if (yearless) {
      const equallyGood = candidates.filter((c) => score(c) === score(best) && c.startYear !== best.startYear);
      if (writtenYears.length > 0) {
        cap(0.9, `Год не указан для срока ${text()}: принят по другим датам в тексте`);
      } else if (equallyGood.length > 0 && !options.yearlessIsExpected) {
        cap(0.6, `Год не указан, а период плана охватывает несколько лет: принят ${best.startYear} г. (${text()})`);
      } else {
        cap(0.9);
      }
    }
    if (best.reinterpreted) {
      cap(0.8, `Год ${expression.end.year} отнесён к началу срока по периоду плана: ${text()}`);
    }
    if (expression.missingDash) cap(0.7, `Между датами, видимо, пропущено тире: прочитано как ${text()}`);
    if (expression.openStart && compareIsoDates(planPeriod.start, interval.end) <= 0) {
      interval = { start: planPeriod.start, end: interval.end };
      cap(0.8, `Начало срока не указано: принято начало периода плана (${text()})`);
    }
    if (expression.openEnd && compareIsoDates(interval.start, planPeriod.end) <= 0) {
      interval = { start: interval.start, end: planPeriod.end };
      cap(0.8, `Окончание срока не указано: принят конец периода плана (${text()})`);
    }
    if (!intersectIntervals(period(planPeriod), interval)) {
      cap(0.5, `Срок ${text()} вне периода плана ${planText}: проверьте год`);
    } else if (!containsInterval(period(planPeriod), interval)) {
      cap(0.8, `Срок ${text()} выходит за период плана ${planText}`);
    }
    intervals.push({ interval, precision: precisionOf(expression) });
  }
  return { intervals, warnings, confidence };
}

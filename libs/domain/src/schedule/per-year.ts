import { intersectIntervals } from './interval-math';
import type { ResolvedInterval } from './resolve-expressions';
import { occurrencesIn, splitSpan } from './schedule-occurrences';
import type { DateInterval, PlanPeriod, Schedule } from './schedule.types';

/**
 * An annual schedule lists every occurrence inside the plan («ежегодно, до 20 декабря» over three years: three
 * intervals), so monitoring and a person read the same years; nothing is left to repeat.
 */
export function withAnnualOccurrences(schedule: Schedule, period: PlanPeriod): Schedule {
  const occurrences = occurrencesIn(schedule, period);
  if (occurrences.length === 0) return schedule;
  const { repeatUntil: _repeated, ...rest } = schedule;
  return { ...rest, intervals: occurrences };
}

/**
 * Whole years naming more than one year («2023–2025 гг.», «в течение 2022/2023, 2023/2024 учебных годов»):
 * one interval per year (calendar or academic, as written) inside the plan, or null when the text names
 * a single year or anything shorter. `clipped` tells that years outside the plan were cut off.
 */
export function yearsWithin(intervals: readonly ResolvedInterval[], period: PlanPeriod): { years: DateInterval[]; clipped: boolean } | null {
  if (intervals.length === 0 || !intervals.every(({ precision }) => precision === 'year')) return null;
  const pieces = intervals.flatMap(({ interval }) => splitSpan(interval, 'annually'));
  if (pieces.length < 2) return null;
  const years = pieces.map((piece) => intersectIntervals(piece, period)).filter((piece): piece is DateInterval => piece !== null);
  const clipped = years.length !== pieces.length || years.some((year, i) => year.start !== pieces[i].start || year.end !== pieces[i].end);
  return years.length > 0 ? { years, clipped } : null;
}

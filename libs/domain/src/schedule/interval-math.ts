import { compareIsoDates, daysBetween, maxIsoDate, minIsoDate } from '../dates/iso-date';
import type { DateInterval } from './schedule.types';

export function intersectIntervals(a: DateInterval, b: DateInterval): DateInterval | null {
  const start = maxIsoDate(a.start, b.start);
  const end = minIsoDate(a.end, b.end);
  return compareIsoDates(start, end) <= 0 ? { start, end } : null;
}

export function containsInterval(outer: DateInterval, inner: DateInterval): boolean {
  return compareIsoDates(outer.start, inner.start) <= 0 && compareIsoDates(inner.end, outer.end) <= 0;
}

/** Number of days an inclusive interval covers. */
export function intervalLength(interval: DateInterval): number {
  return daysBetween(interval.start, interval.end) + 1;
}

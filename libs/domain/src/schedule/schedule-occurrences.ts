import {
  addDays,
  addMonths,
  compareIsoDates,
  endOfMonth,
  isoWeekday,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  quarterBounds,
  quarterOfMonth,
  startOfMonth,
  toIsoDate,
  type QuarterNumber,
} from '../dates/iso-date';
import { intersectIntervals, intervalLength } from './interval-math';
import { RECURRENCE_MIN_DAYS, RECURRENCE_MONTHS } from './recurrence-steps';
import type { DateInterval, PlanPeriod, Recurrence, Schedule } from './schedule.types';

/**
 * A reporting quarter. Calendar quarters are January–March …; academic quarters count three-month blocks
 * from 1 September (Q1 = Sep–Nov, Q2 = Dec–Feb, Q3 = Mar–May, Q4 = Jun–Aug) and `year` is the year the
 * academic year starts in.
 */
export interface DueQuarter {
  year: number;
  quarter: QuarterNumber;
  start: string;
  end: string;
}

export type QuarterSystem = 'calendar' | 'academic';

/** A plan period's calendar quarter, with the part of it the plan covers. */
export interface PeriodQuarter extends DueQuarter {
  covered: DateInterval;
}

/** The calendar unit (week, month, quarter) containing `date`; a year is the twelve months from `date`. */
function unitContaining(date: string, recurrence: Recurrence): DateInterval {
  if (recurrence === 'weekly') {
    const monday = addDays(date, 1 - isoWeekday(date));
    return { start: monday, end: addDays(monday, 6) };
  }
  const { year, month } = parseIsoDate(date);
  if (recurrence === 'monthly') return { start: startOfMonth(date), end: endOfMonth(date) };
  if (recurrence === 'quarterly') return quarterBounds(year, quarterOfMonth(month));
  return { start: date, end: addDays(addMonths(date, 12), -1) };
}

function shift(interval: DateInterval, recurrence: Recurrence, steps: number): DateInterval {
  if (recurrence === 'weekly') return { start: addDays(interval.start, 7 * steps), end: addDays(interval.end, 7 * steps) };
  const months = RECURRENCE_MONTHS[recurrence] * steps;
  // A template ending on a month's last day («IV квартал», «февраль») keeps ending on one.
  const end = addMonths(interval.end, months);
  return {
    start: addMonths(interval.start, months),
    end: interval.end === endOfMonth(interval.end) ? endOfMonth(end) : end,
  };
}

/**
 * A span («Ежеквартально» over the plan) splits into the calendar units it covers; a year is counted from
 * the span's start, so «ежегодно» over an academic plan means each academic year.
 */
export function splitSpan(span: DateInterval, recurrence: Recurrence): DateInterval[] {
  const pieces: DateInterval[] = [];
  let cursor = span.start;
  while (compareIsoDates(cursor, span.end) <= 0) {
    const unit = unitContaining(cursor, recurrence);
    const piece = intersectIntervals(unit, span);
    if (piece) pieces.push(piece);
    cursor = addDays(unit.end, 1);
  }
  return pieces;
}

/** A first occurrence («IV квартал 2022, далее – ежегодно») repeats step by step until `until`. */
function repeatTemplate(template: DateInterval, recurrence: Recurrence, until: string): DateInterval[] {
  const occurrences: DateInterval[] = [];
  for (let step = 0; ; step += 1) {
    const next = shift(template, recurrence, step);
    if (compareIsoDates(next.start, until) > 0) return occurrences;
    occurrences.push(compareIsoDates(next.end, until) > 0 ? { start: next.start, end: until } : next);
  }
}

function expand(schedule: Schedule): DateInterval[] {
  const { recurrence } = schedule;
  if (schedule.kind !== 'recurring' || recurrence === null) return schedule.intervals;
  return schedule.intervals.flatMap((interval) =>
    intervalLength(interval) >= RECURRENCE_MIN_DAYS[recurrence]
      ? splitSpan(interval, recurrence)
      : repeatTemplate(interval, recurrence, schedule.repeatUntil ?? interval.end),
  );
}

function byStart(a: DateInterval, b: DateInterval): number {
  return compareIsoDates(a.start, b.start) || compareIsoDates(a.end, b.end);
}

/**
 * The concrete intervals of a schedule inside `range`, clipped to it: recurring schedules expand into one
 * interval per week/month/quarter/year.
 */
export function occurrencesIn(schedule: Schedule, range: DateInterval): DateInterval[] {
  return expand(schedule)
    .map((interval) => intersectIntervals(interval, range))
    .filter((interval): interval is DateInterval => interval !== null)
    .sort(byStart);
}

function quarterContaining(date: string, system: QuarterSystem): DueQuarter {
  const { year, month } = parseIsoDate(date);
  if (system === 'calendar') {
    const quarter = quarterOfMonth(month);
    return { year, quarter, ...quarterBounds(year, quarter) };
  }
  // Shifting by four months maps September onto January, so calendar arithmetic does the rest.
  const shifted = parseIsoDate(addMonths(toIsoDate(year, month, 1), 4));
  const quarter = quarterOfMonth(shifted.month);
  const start = addMonths(toIsoDate(shifted.year, (quarter - 1) * 3 + 1, 1), -4);
  return { year: shifted.year - 1, quarter, start, end: endOfMonth(addMonths(start, 2)) };
}

function quartersOverlapping(interval: DateInterval, system: QuarterSystem): DueQuarter[] {
  const quarters: DueQuarter[] = [];
  let cursor = interval.start;
  while (compareIsoDates(cursor, interval.end) <= 0) {
    const quarter = quarterContaining(cursor, system);
    quarters.push(quarter);
    cursor = addDays(quarter.end, 1);
  }
  return quarters;
}

/** The quarters an event is due in, in order and without repeats: every quarter one of its occurrences touches. */
export function quartersDue(schedule: Schedule, system: QuarterSystem): DueQuarter[] {
  const seen = new Map<string, DueQuarter>();
  for (const occurrence of expand(schedule)) {
    for (const quarter of quartersOverlapping(occurrence, system)) seen.set(quarter.start, quarter);
  }
  return [...seen.values()].sort(byStart);
}

/** The calendar quarters a plan period touches; monitoring opens one reporting period for each. */
export function quartersOfPeriod(period: PlanPeriod): PeriodQuarter[] {
  return quartersOverlapping(period, 'calendar').map((quarter) => ({
    ...quarter,
    covered: { start: maxIsoDate(quarter.start, period.start), end: minIsoDate(quarter.end, period.end) },
  }));
}

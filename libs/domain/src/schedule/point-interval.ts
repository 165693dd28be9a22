import { daysInMonth, quarterBounds, toIsoDate, type QuarterNumber } from '../dates/iso-date';
import type { DatePoint } from './date-expressions';
import type { Season } from './deadline-tokens';
import type { DateInterval } from './schedule.types';

export type PointInterval = { interval: DateInterval; problem?: string } | { interval: null; problem: string };

const SEASON_MONTHS: Readonly<Record<Season, readonly [first: number, last: number]>> = {
  // Winter belongs to the year of its January and February.
  winter: [12, 2],
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
};

function monthSpan(year: number, firstMonth: number, lastYear: number, lastMonth: number): DateInterval {
  return { start: toIsoDate(year, firstMonth, 1), end: toIsoDate(lastYear, lastMonth, daysInMonth(lastYear, lastMonth)) };
}

function dayInterval(point: DatePoint, year: number): PointInterval {
  const { month, day } = point;
  const written = point.text ?? `${day ?? '?'}.${month ?? '?'}.${year}`;
  if (month === undefined || day === undefined) return { interval: null, problem: `Неполная дата «${written}»` };
  if (month < 1 || month > 12 || day < 1) return { interval: null, problem: `Несуществующая дата «${written}»` };
  const lastDay = daysInMonth(year, month);
  if (day > lastDay) {
    const date = toIsoDate(year, month, lastDay);
    return {
      interval: { start: date, end: date },
      problem: `Несуществующая дата «${written}»: принят последний день месяца`,
    };
  }
  const date = toIsoDate(year, month, day);
  return { interval: { start: date, end: date } };
}

/** The days a point of a date expression covers in the given year («ноябрь» → all of November). */
export function pointInterval(point: DatePoint, year: number): PointInterval {
  switch (point.unit) {
    case 'day':
      return dayInterval(point, year);
    case 'month':
      return point.month === undefined
        ? { interval: null, problem: 'Месяц не указан' }
        : { interval: monthSpan(year, point.month, year, point.month) };
    case 'quarter':
      return { interval: quarterBounds(year, (point.index ?? 1) as QuarterNumber) };
    case 'half':
      return { interval: point.index === 2 ? monthSpan(year, 7, year, 12) : monthSpan(year, 1, year, 6) };
    case 'season': {
      const [first, last] = SEASON_MONTHS[point.season ?? 'spring'];
      return { interval: monthSpan(first > last ? year - 1 : year, first, year, last) };
    }
    case 'year':
      return { interval: { start: toIsoDate(year, 1, 1), end: toIsoDate(year, 12, 31) } };
    case 'academicYear':
      return { interval: { start: toIsoDate(year, 9, 1), end: toIsoDate(year + 1, 8, 31) } };
  }
}

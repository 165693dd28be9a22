import { addDays, isoWeekday, parseIsoDate, type IsoDate } from './iso-date';
import { RU_CALENDAR_TRANSFERS, RU_FIXED_HOLIDAYS, type CalendarAdjustments } from './ru-production-calendar';

function allTransfers(): CalendarAdjustments {
  const years = Object.values(RU_CALENDAR_TRANSFERS);
  return {
    daysOff: years.flatMap((year) => year.daysOff),
    workingDays: years.flatMap((year) => year.workingDays),
  };
}

const DEFAULT_ADJUSTMENTS = allTransfers();

export function isFixedHoliday(date: IsoDate): boolean {
  const { month, day } = parseIsoDate(date);
  return RU_FIXED_HOLIDAYS.some(([holidayMonth, holidayDay]) => holidayMonth === month && holidayDay === day);
}

/**
 * `adjustments` defaults to the built-in transfer table; pass one to add a region's own days off
 * (e.g. a regional holiday) or a decree the table does not have yet.
 */
export function isWorkingDay(date: IsoDate, adjustments: CalendarAdjustments = DEFAULT_ADJUSTMENTS): boolean {
  if (adjustments.workingDays.includes(date)) return true;
  if (adjustments.daysOff.includes(date)) return false;
  return isoWeekday(date) <= 5 && !isFixedHoliday(date);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself is not counted,
 * so «5 working days after the quarter ends» is `addWorkingDays(quarterEnd, 5)`. With n = 0 it returns
 * `date` unchanged even when that is a day off.
 */
export function addWorkingDays(
  date: IsoDate,
  n: number,
  adjustments: CalendarAdjustments = DEFAULT_ADJUSTMENTS,
): IsoDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, adjustments)) remaining -= 1;
  }
  return current;
}

/** Combines the built-in transfer table with extra days off, such as a regional holiday. */
export function withExtraDaysOff(daysOff: readonly IsoDate[]): CalendarAdjustments {
  return { daysOff: [...DEFAULT_ADJUSTMENTS.daysOff, ...daysOff], workingDays: DEFAULT_ADJUSTMENTS.workingDays };
}

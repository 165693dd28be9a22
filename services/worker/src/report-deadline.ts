import type { StoredCalendarDto } from '@eduplan/contracts';
import { addWorkingDays, compareIsoDates, hasDecree, maxIsoDate, parseIsoDate, productionCalendar, type IsoDate } from '@eduplan/domain';

/** The calendar years a deadline counted from these days can fall in (a Q4 deadline lands in January). */
export function deadlineYears(...from: IsoDate[]): number[] {
  return [...new Set(from.flatMap((date) => [parseIsoDate(date).year, parseIsoDate(date).year + 1]))].sort();
}

/**
 * Centers get N working days after the quarter ends, and never fewer than N from the day it opens, counted
 * by the production calendar: the stored years over the built-in decrees, with the issuer's regional holidays.
 * A deadline in a year whose decree is not known is kept, with a warning: the decree may still move it.
 */
export function reportDeadline(periodEnd: IsoDate, today: IsoDate, workingDays: number, stored: StoredCalendarDto): { deadline: IsoDate; calendarWarning: string | null } {
  const calendar = productionCalendar(stored.decrees, stored.regionalDaysOff);
  const deadline = maxIsoDate(addWorkingDays(periodEnd, workingDays, calendar), addWorkingDays(today, workingDays, calendar));
  const year = parseIsoDate(deadline).year;
  return {
    deadline,
    calendarWarning: hasDecree(year, calendar)
      ? null
      : `Срок ${deadline} рассчитан без постановления Правительства РФ о переносе выходных дней в ${year} году: внесите его в производственный календарь, срок может сдвинуться`,
  };
}

/**
 * The day reporters are reminded: `workingDays` working days before the deadline by the same calendar. None
 * when reminders are off or that day is not after the day the period opens (its opening notice said as much).
 */
export function reminderDay(deadline: IsoDate, today: IsoDate, workingDays: number, stored: StoredCalendarDto): IsoDate | null {
  if (workingDays === 0) return null;
  const day = addWorkingDays(deadline, -workingDays, productionCalendar(stored.decrees, stored.regionalDaysOff));
  return compareIsoDates(day, today) > 0 ? day : null;
}

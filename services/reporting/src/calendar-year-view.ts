import type { CalendarYearDto } from '@eduplan/contracts';
import { calendarYear, productionCalendar, RU_CALENDAR_DECREES } from '@eduplan/domain';
import type { CalendarYearEntity } from './calendar-year.entity';

/**
 * A year as it is shown: the stored one if an administrator saved it, else the built-in decree, else the
 * art. 112 rule alone (with a warning). `issuerId` adds that issuer's regional holidays to the days off.
 */
export function calendarYearView(year: number, stored: CalendarYearEntity | null, issuerId?: string): CalendarYearDto {
  const regionalHolidays = stored?.regionalHolidays ?? [];
  const calendar = productionCalendar(
    stored ? [{ year, source: stored.source, transfers: stored.transfers }] : [],
    regionalHolidays.filter((holiday) => holiday.issuerId === issuerId).map((holiday) => holiday.date),
  );
  const shown = calendarYear(year, calendar);
  const builtIn = RU_CALENDAR_DECREES[year];
  return {
    year,
    source: shown.source,
    origin: stored ? 'stored' : builtIn ? 'built-in' : 'rule',
    warning: shown.decreed ? null : shown.source,
    transfers: stored ? stored.transfers : [...(builtIn?.transfers ?? [])],
    regionalHolidays,
    daysOff: shown.daysOff,
    workingWeekendDays: shown.workingWeekendDays,
    workingDays: shown.workingDays,
    updatedAt: stored?.updatedAt.toISOString() ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}

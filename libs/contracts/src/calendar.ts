import { z } from 'zod';
import { ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { boundedInt, isoDate, uuid } from './common';

/** Years a production calendar may be stored or asked for. */
export const calendarYear = boundedInt(2000, 2100, 'год — целое число от 2000 до 2100');

/** A day off moved by the decree: `to` becomes a day off; a plain Saturday or Sunday `from` becomes a working day. */
export const calendarTransfer = z.object({ from: isoDate, to: isoDate });

/** A regional non-working holiday (a republic's own), a day off for the centers of that issuer only. */
export const regionalHoliday = z.object({
  issuerId: uuid,
  date: isoDate,
  title: z.string().trim().min(1, 'укажите название праздника').max(300),
});

/** What an administrator stores for a year: it replaces the built-in decree of that year entirely. */
export const calendarYearFields = z.object({
  source: z
    .string()
    .trim()
    .min(1, 'укажите основание: номер и дату постановления Правительства РФ о переносе выходных дней')
    .max(1000),
  transfers: z.array(calendarTransfer).max(30, 'не больше 30 переносов за год'),
  regionalHolidays: z.array(regionalHoliday).max(1000, 'не больше 1000 региональных праздников за год'),
});

export const putCalendarYearRequest = calendarYearFields.extend({ year: calendarYear }).superRefine((value, context) => {
  const outside = (date: string) => !date.startsWith(`${value.year}-`);
  value.transfers.forEach((transfer, index) => {
    for (const side of ['from', 'to'] as const) {
      if (outside(transfer[side])) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['transfers', index, side], message: `дата ${transfer[side]} не в ${value.year} году` });
      }
    }
  });
  value.regionalHolidays.forEach((holiday, index) => {
    if (outside(holiday.date)) context.addIssue({ code: z.ZodIssueCode.custom, path: ['regionalHolidays', index, 'date'], message: `дата ${holiday.date} не в ${value.year} году` });
  });
});
export type PutCalendarYearRequest = z.infer<typeof putCalendarYearRequest>;

/** `issuerId` adds that issuer's regional holidays to the days off shown. */
export const getCalendarYearRequest = z.object({ year: calendarYear, issuerId: uuid.optional() });

/** Where a year's days off come from. */
export const CALENDAR_ORIGINS = ['stored', 'built-in', 'rule'] as const;
export type CalendarOrigin = (typeof CALENDAR_ORIGINS)[number];

export interface CalendarYearDto {
  year: number;
  /** The decree cited, or a sentence saying it is missing. */
  source: string;
  /** Stored by an administrator, the built-in decree table, or art. 112 of the Labour Code alone (no decree). */
  origin: CalendarOrigin;
  /** Set when no decree is known for the year: deadlines in it may move once the decree is published. */
  warning: string | null;
  transfers: { from: string; to: string }[];
  regionalHolidays: { issuerId: string; date: string; title: string }[];
  /** Every non-working date of the year, weekends included (with the issuer's regional holidays when asked). */
  daysOff: string[];
  workingWeekendDays: string[];
  /** Working days in a five-day week. */
  workingDays: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The stored years a deadline may fall in, and the issuer's regional holidays in them. */
export const calendarForDeadlinesRequest = z.object({ years: z.array(calendarYear).min(1).max(10), issuerId: uuid });

export interface StoredCalendarDto {
  decrees: { year: number; source: string; transfers: { from: string; to: string }[] }[];
  regionalDaysOff: string[];
}

/**
 * The production calendar the reporting service keeps: everyone signed in reads a year, the administrator
 * stores a year's decree and regional holidays; the worker reads the stored years to count deadlines.
 */
export const CalendarRoutes = {
  getYear: actedRoute<typeof getCalendarYearRequest, CalendarYearDto>('reporting.calendar.get', getCalendarYearRequest, ROLES),
  putYear: actedRoute<typeof putCalendarYearRequest, CalendarYearDto>('reporting.calendar.put', putCalendarYearRequest, ['admin']),
  forDeadlines: route<typeof calendarForDeadlinesRequest, StoredCalendarDto>('reporting.calendar.for-deadlines', calendarForDeadlinesRequest),
};

import { addDays, isLeapYear, isoWeekday, parseIsoDate, toIsoDate, type IsoDate } from './iso-date';
import { RU_CALENDAR_DECREES, RU_PUBLIC_HOLIDAYS, type CalendarDecree } from './ru-production-calendar';

/** What decides the days off: the decrees by year and the issuer's regional holidays. */
export interface ProductionCalendar {
  /** A year missing here is computed by art. 112 of the Labour Code alone. */
  decrees: Readonly<Record<number, CalendarDecree>>;
  /** Regional non-working holidays (a republic's own), days off on top of the federal ones. */
  regionalDaysOff: readonly IsoDate[];
}

/** The federal calendar from the built-in decrees. */
export const RU_PRODUCTION_CALENDAR: ProductionCalendar = { decrees: RU_CALENDAR_DECREES, regionalDaysOff: [] };

/** One year of a calendar as it is shown and checked. */
export interface CalendarYear {
  year: number;
  /** The decree cited, or a sentence saying that it is missing. */
  source: string;
  /** Whether a decree on transferring days off is known for the year. */
  decreed: boolean;
  /** Every non-working date of the year, weekends included, in order. */
  daysOff: IsoDate[];
  /** Saturdays and Sundays made working days by the decree. */
  workingWeekendDays: IsoDate[];
  /** Working days in a five-day week. */
  workingDays: number;
}

function missingDecreeSource(year: number): string {
  return `Постановление Правительства РФ о переносе выходных дней в ${year} году не загружено: дни рассчитаны только по ст. 112 Трудового кодекса РФ`;
}

/** The built-in decrees with the stored ones on top: a stored year replaces the built-in one entirely. */
export function productionCalendar(stored: readonly CalendarDecree[], regionalDaysOff: readonly IsoDate[] = []): ProductionCalendar {
  const decrees: Record<number, CalendarDecree> = { ...RU_CALENDAR_DECREES };
  for (const decree of stored) decrees[decree.year] = decree;
  return { decrees, regionalDaysOff };
}

function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

interface ComputedYear {
  shown: CalendarYear;
  off: Set<IsoDate>;
}

function computeYear(year: number, calendar: ProductionCalendar): ComputedYear {
  const decree = calendar.decrees[year];
  const transfers = decree?.transfers ?? [];
  const holidays = new Set(RU_PUBLIC_HOLIDAYS.map(({ month, day }) => toIsoDate(year, month, day)));
  const off = new Set<IsoDate>(holidays);
  for (let date = toIsoDate(year, 1, 1); parseIsoDate(date).year === year; date = addDays(date, 1)) {
    if (isWeekend(date)) off.add(date);
  }
  // Art. 112: a weekend holiday gives the next working day off, unless the decree moved that day elsewhere.
  const movedByDecree = new Set(transfers.map((t) => t.from));
  for (const { month, day, january } of RU_PUBLIC_HOLIDAYS) {
    const holiday = toIsoDate(year, month, day);
    if (january || !isWeekend(holiday) || movedByDecree.has(holiday)) continue;
    let inLieu = addDays(holiday, 1);
    while (off.has(inLieu)) inLieu = addDays(inLieu, 1);
    off.add(inLieu);
  }
  const workingWeekendDays: IsoDate[] = [];
  for (const { from, to } of transfers) {
    off.add(to);
    if (!holidays.has(from)) {
      off.delete(from);
      workingWeekendDays.push(from);
    }
  }
  for (const date of calendar.regionalDaysOff) if (parseIsoDate(date).year === year) off.add(date);
  const shown = {
    year,
    source: decree?.source ?? missingDecreeSource(year),
    decreed: decree !== undefined,
    daysOff: [...off].sort(),
    workingWeekendDays: workingWeekendDays.sort(),
    workingDays: (isLeapYear(year) ? 366 : 365) - off.size,
  };
  return { shown, off };
}

// Deadlines ask about the same few years over and over; a calendar object is never changed once built.
const computed = new WeakMap<ProductionCalendar, Map<number, ComputedYear>>();

function yearOf(year: number, calendar: ProductionCalendar): ComputedYear {
  let years = computed.get(calendar);
  if (!years) computed.set(calendar, (years = new Map()));
  let entry = years.get(year);
  if (!entry) years.set(year, (entry = computeYear(year, calendar)));
  return entry;
}

export function calendarYear(year: number, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): CalendarYear {
  const { shown } = yearOf(year, calendar);
  return { ...shown, daysOff: [...shown.daysOff], workingWeekendDays: [...shown.workingWeekendDays] };
}

/** Every non-working date of the year, weekends included. */
export function nonWorkingDays(year: number, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): IsoDate[] {
  return calendarYear(year, calendar).daysOff;
}

export function isWorkingDay(date: IsoDate, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): boolean {
  return !yearOf(parseIsoDate(date).year, calendar).off.has(date);
}

/** Whether the year's days off rest on a decree, so that a deadline in it can be trusted. */
export function hasDecree(year: number, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): boolean {
  return calendar.decrees[year] !== undefined;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself is not counted,
 * so «5 working days after the quarter ends» is `addWorkingDays(quarterEnd, 5)`. With n = 0 it returns
 * `date` unchanged even when that is a day off.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): IsoDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/**
 * Deviations of the Russian production calendar (производственный календарь) from the plain rule
 * «weekends and fixed federal holidays are days off», as set by the yearly government decrees on
 * transferring days off. Extend it each autumn when the next decree is published.
 */
export interface CalendarAdjustments {
  /** Weekdays that are days off (transferred holidays, holidays that fell on a weekend). */
  daysOff: readonly string[];
  /** Saturdays or Sundays that are working days. */
  workingDays: readonly string[];
}

export const RU_CALENDAR_TRANSFERS: Readonly<Record<number, CalendarAdjustments>> = {
  2023: { daysOff: ['2023-02-24', '2023-05-08', '2023-11-06'], workingDays: [] },
  2024: {
    daysOff: ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'],
    workingDays: ['2024-04-27', '2024-11-02', '2024-12-28'],
  },
  2025: {
    daysOff: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'],
    workingDays: ['2025-11-01'],
  },
};

/** Art. 112 of the Labour Code: month and day of the non-working public holidays. */
export const RU_FIXED_HOLIDAYS: readonly (readonly [month: number, day: number])[] = [
  [1, 1], [1, 2], [1, 3], [1, 4], [1, 5], [1, 6], [1, 7], [1, 8],
  [2, 23], [3, 8], [5, 1], [5, 9], [6, 12], [11, 4],
];

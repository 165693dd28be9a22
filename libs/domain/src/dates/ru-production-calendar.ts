import type { IsoDate } from './iso-date';

/**
 * One transfer of a day off by a government decree: `to` becomes a day off. When `from` is a plain
 * Saturday or Sunday it becomes a working day; when `from` is a public holiday that fell on a weekend
 * (1–8 January, or 23 February 2025), the holiday stays and only its day in lieu moves to `to`.
 */
export interface DayOffTransfer {
  from: IsoDate;
  to: IsoDate;
}

/** A year's decree «О переносе выходных дней»: which days it moves, and where it was published. */
export interface CalendarDecree {
  year: number;
  /** The decree's number and date, cited wherever the calendar is shown. */
  source: string;
  transfers: readonly DayOffTransfer[];
}

/**
 * The yearly decrees of the Government of the Russian Federation on transferring days off, as data.
 * Add the next year's decree here each autumn (or have an administrator store it: stored years win).
 * Production calendar totals for a five-day week: 2021–2023, 2025, 2026 — 247 working days; 2024 — 248.
 */
export const RU_CALENDAR_DECREES: Readonly<Record<number, CalendarDecree>> = {
  2021: {
    year: 2021,
    source: 'Постановление Правительства РФ от 10.10.2020 № 1648 «О переносе выходных дней в 2021 году»',
    transfers: [
      { from: '2021-01-02', to: '2021-11-05' },
      { from: '2021-01-03', to: '2021-12-31' },
      { from: '2021-02-20', to: '2021-02-22' },
    ],
  },
  2022: {
    year: 2022,
    source: 'Постановление Правительства РФ от 16.09.2021 № 1564 «О переносе выходных дней в 2022 году»',
    transfers: [
      { from: '2022-01-01', to: '2022-05-03' },
      { from: '2022-01-02', to: '2022-05-10' },
      { from: '2022-03-05', to: '2022-03-07' },
    ],
  },
  2023: {
    year: 2023,
    source: 'Постановление Правительства РФ от 29.08.2022 № 1506 «О переносе выходных дней в 2023 году»',
    transfers: [
      { from: '2023-01-01', to: '2023-02-24' },
      { from: '2023-01-08', to: '2023-05-08' },
    ],
  },
  2024: {
    year: 2024,
    source: 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»',
    transfers: [
      { from: '2024-01-06', to: '2024-05-10' },
      { from: '2024-01-07', to: '2024-12-31' },
      { from: '2024-04-27', to: '2024-04-29' },
      { from: '2024-11-02', to: '2024-04-30' },
      { from: '2024-12-28', to: '2024-12-30' },
    ],
  },
  2025: {
    year: 2025,
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    transfers: [
      { from: '2025-01-04', to: '2025-05-02' },
      { from: '2025-01-05', to: '2025-12-31' },
      { from: '2025-02-23', to: '2025-05-08' },
      { from: '2025-03-08', to: '2025-06-13' },
      { from: '2025-11-01', to: '2025-11-03' },
    ],
  },
  2026: {
    year: 2026,
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    transfers: [
      { from: '2026-01-03', to: '2026-01-09' },
      { from: '2026-01-04', to: '2026-12-31' },
    ],
  },
};

/**
 * Art. 112 of the Labour Code: month and day of the non-working public holidays. A holiday on a weekend
 * gives a day in lieu on the next working day, except the January ones (новогодние каникулы and
 * Christmas), whose days in lieu only a decree moves.
 */
export const RU_PUBLIC_HOLIDAYS: readonly { month: number; day: number; january: boolean }[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((day) => ({ month: 1, day, january: true })),
  { month: 2, day: 23, january: false },
  { month: 3, day: 8, january: false },
  { month: 5, day: 1, january: false },
  { month: 5, day: 9, january: false },
  { month: 6, day: 12, january: false },
  { month: 11, day: 4, january: false },
];

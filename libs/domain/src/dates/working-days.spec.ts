import { isoWeekday } from './iso-date';
import { RU_CALENDAR_DECREES } from './ru-production-calendar';
import {
  addWorkingDays,
  calendarYear,
  hasDecree,
  isWorkingDay,
  nonWorkingDays,
  productionCalendar,
} from './working-days';

describe('the Russian production calendar', () => {
  // Official totals of the production calendar for a five-day week, and days each decree names.
  it.each([
    { year: 2021, total: 247, off: ['2021-02-22', '2021-05-03', '2021-05-10', '2021-06-14', '2021-11-05', '2021-12-31'], working: ['2021-02-20'] },
    { year: 2022, total: 247, off: ['2022-03-07', '2022-05-02', '2022-05-03', '2022-05-10', '2022-06-13'], working: ['2022-03-05'] },
    { year: 2023, total: 247, off: ['2023-02-24', '2023-05-08', '2023-11-06'], working: [] },
    {
      year: 2024,
      total: 248,
      off: ['2024-04-29', '2024-04-30', '2024-05-10', '2024-12-30', '2024-12-31'],
      working: ['2024-04-27', '2024-11-02', '2024-12-28'],
    },
    { year: 2025, total: 247, off: ['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31'], working: ['2025-11-01'] },
    { year: 2026, total: 247, off: ['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31'], working: [] },
  ])('$year has $total working days and the decree’s transfers', ({ year, total, off, working }) => {
    expect(calendarYear(year).workingDays).toBe(total);
    expect(nonWorkingDays(year)).toHaveLength((year === 2024 ? 366 : 365) - total);
    for (const date of off) expect([date, isWorkingDay(date)]).toEqual([date, false]);
    for (const date of working) expect([date, isWorkingDay(date)]).toEqual([date, true]);
    const shown = calendarYear(year);
    expect(shown.workingWeekendDays).toEqual(working);
    expect(shown.decreed).toBe(true);
    expect(shown.source).toMatch(/^Постановление Правительства РФ от \d\d\.\d\d\.\d{4} № \d+ «О переносе выходных дней в \d{4} году»$/);
    expect(shown.source).toContain(`в ${year} году`);
  });

  it('keeps every decree’s transfers inside its year, from a weekend day to a weekday', () => {
    for (const [year, decree] of Object.entries(RU_CALENDAR_DECREES)) {
      expect(decree.year).toBe(Number(year));
      for (const { from, to } of decree.transfers) {
        expect([from.slice(0, 4), to.slice(0, 4)]).toEqual([year, year]);
        expect([from, isoWeekday(from) >= 6]).toEqual([from, true]);
        expect([to, isoWeekday(to) <= 5]).toEqual([to, true]);
      }
    }
  });

  it('keeps the public holidays off whatever the decree says', () => {
    expect(isWorkingDay('2025-02-23')).toBe(false);
    expect(isWorkingDay('2025-03-08')).toBe(false);
    // The decree moved 2025's days in lieu for 23 February and 8 March, so the Mondays after them work.
    expect(isWorkingDay('2025-02-24')).toBe(true);
    expect(isWorkingDay('2025-03-10')).toBe(true);
    expect(nonWorkingDays(2024)).toEqual(expect.arrayContaining(['2024-01-01', '2024-01-07', '2024-01-08', '2024-06-12']));
    expect(nonWorkingDays(2024)).not.toContain('2024-04-27');
  });

  it('computes a year without a decree by art. 112 alone and says so', () => {
    const year = calendarYear(2027);
    expect(hasDecree(2027)).toBe(false);
    expect(year.decreed).toBe(false);
    expect(year.source).toContain('не загружено');
    // 2027: 1 May and 12 June fall on Saturdays, 9 May on a Sunday; the Mondays after them are off; 1–8 January do not move.
    expect(isWorkingDay('2027-05-03')).toBe(false);
    expect(isWorkingDay('2027-05-10')).toBe(false);
    expect(isWorkingDay('2027-06-14')).toBe(false);
    expect(isWorkingDay('2027-01-11')).toBe(true);
    expect(year.workingWeekendDays).toEqual([]);
  });

  it('lets a stored year replace the built-in decree and adds regional holidays', () => {
    const stored = productionCalendar(
      [{ year: 2027, source: 'Постановление Правительства РФ от 01.09.2026 № 1', transfers: [{ from: '2027-01-02', to: '2027-05-03' }] }],
      ['2027-08-30'],
    );
    expect(hasDecree(2027, stored)).toBe(true);
    expect(isWorkingDay('2027-05-03', stored)).toBe(false);
    expect(isWorkingDay('2027-08-30', stored)).toBe(false);
    expect(isWorkingDay('2027-08-30')).toBe(true);
    const withoutTransfers = productionCalendar([{ year: 2024, source: 'иное', transfers: [] }]);
    expect(isWorkingDay('2024-04-27', withoutTransfers)).toBe(false);
    expect(isWorkingDay('2024-04-29', withoutTransfers)).toBe(true);
  });

  it('counts working days past weekends, holidays and transfers', () => {
    expect(addWorkingDays('2024-08-30', 1)).toBe('2024-09-02');
    expect(addWorkingDays('2024-09-09', -5)).toBe('2024-09-02');
    expect(addWorkingDays('2024-09-07', 0)).toBe('2024-09-07');
    // Five working days after Q1 2024 ends: 1–5 April.
    expect(addWorkingDays('2024-03-31', 5)).toBe('2024-04-05');
    // The working Saturday before the New Year holidays.
    expect(addWorkingDays('2024-12-27', 1)).toBe('2024-12-28');
    expect(addWorkingDays('2024-12-28', 1)).toBe('2025-01-09');
    expect(addWorkingDays('2025-04-30', 1)).toBe('2025-05-05');
    // Q4 2025 reports: the decree leaves 31 December and 1–11 January 2026 off.
    expect(addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
    expect(addWorkingDays('2024-09-02', 1, productionCalendar([], ['2024-09-03']))).toBe('2024-09-04');
  });
});

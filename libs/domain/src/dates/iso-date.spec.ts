import {
  addDays,
  addMonths,
  compareIsoDates,
  daysBetween,
  endOfMonth,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  quarterBounds,
  quarterOf,
  toDayNumber,
} from './iso-date';

describe('iso-date', () => {
  it('counts days from 1970-01-01 both ways', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2024-02-29')).toBe(19782);
    expect(fromDayNumber(19782)).toBe('2024-02-29');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('adds months clamping the day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2024-03-31', -13)).toBe('2023-02-28');
  });

  it('compares, measures and finds month ends', () => {
    expect(compareIsoDates('2024-01-02', '2024-01-10')).toBe(-1);
    expect(compareIsoDates('2024-01-10', '2024-01-10')).toBe(0);
    expect(daysBetween('2023-09-01', '2024-08-31')).toBe(365);
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2100-02-10')).toBe('2100-02-28');
  });

  it('knows weekdays and quarters', () => {
    expect(isoWeekday('2024-08-28')).toBe(3);
    expect(isoWeekday('2023-01-01')).toBe(7);
    expect(quarterOf('2024-08-28')).toEqual({ year: 2024, quarter: 3 });
    expect(quarterBounds(2023, 4)).toEqual({ start: '2023-10-01', end: '2023-12-31' });
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('01.02.2023')).toBe(false);
  });
});

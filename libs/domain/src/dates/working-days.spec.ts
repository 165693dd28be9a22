import { addWorkingDays, isWorkingDay, withExtraDaysOff } from './working-days';

describe('Russian working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2024-08-30', 1)).toBe('2024-09-02');
    expect(addWorkingDays('2024-09-02', 5)).toBe('2024-09-09');
    expect(addWorkingDays('2024-09-09', -5)).toBe('2024-09-02');
    expect(addWorkingDays('2024-09-07', 0)).toBe('2024-09-07');
  });

  it('skips the fixed federal holidays', () => {
    expect(isWorkingDay('2026-01-05')).toBe(false);
    expect(isWorkingDay('2026-06-12')).toBe(false);
    expect(isWorkingDay('2026-11-04')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-11');
  });

  it('applies the yearly transfer table', () => {
    expect(isWorkingDay('2024-04-27')).toBe(true);
    expect(isWorkingDay('2024-04-29')).toBe(false);
    expect(isWorkingDay('2024-12-28')).toBe(true);
    expect(isWorkingDay('2024-12-31')).toBe(false);
    // Five working days after Q1 2024 ends: 1–5 April.
    expect(addWorkingDays('2024-03-31', 5)).toBe('2024-04-05');
    // The working Saturday before the New Year holidays.
    expect(addWorkingDays('2024-12-27', 1)).toBe('2024-12-28');
    expect(addWorkingDays('2024-12-28', 1)).toBe('2025-01-09');
    expect(addWorkingDays('2025-04-30', 1)).toBe('2025-05-05');
  });

  it('accepts extra regional days off', () => {
    expect(addWorkingDays('2024-09-02', 1, withExtraDaysOff(['2024-09-03']))).toBe('2024-09-04');
  });
});

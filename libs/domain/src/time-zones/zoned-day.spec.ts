import { startOfDayIn, todayIn } from './zoned-day';

describe('issuer time zones', () => {
  it('starts a Moscow day at 21:00 UTC the evening before, a Kaliningrad day an hour later', () => {
    expect(startOfDayIn('2024-10-01', 'Europe/Moscow')).toBe('2024-09-30T21:00:00.000Z');
    expect(startOfDayIn('2024-10-01', 'Europe/Kaliningrad')).toBe('2024-09-30T22:00:00.000Z');
    expect(startOfDayIn('2024-10-01', 'Europe/Samara')).toBe('2024-09-30T20:00:00.000Z');
  });

  it('tells «today» by the issuer zone, not by UTC', () => {
    const lateEveningUtc = new Date('2024-12-31T21:30:00Z');
    expect(todayIn('Europe/Moscow', lateEveningUtc)).toBe('2025-01-01');
    expect(todayIn('Europe/Kaliningrad', lateEveningUtc)).toBe('2024-12-31');
  });
});

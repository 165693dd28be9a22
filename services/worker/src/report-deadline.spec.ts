import { deadlineYears, reminderDay, reportDeadline } from './report-deadline';

const none = { decrees: [], regionalDaysOff: [] };

describe('reportDeadline', () => {
  it('counts working days after the quarter by the built-in decrees', () => {
    // Q4 2025: 31 December and 1–11 January 2026 are off under the 2025 and 2026 decrees.
    expect(reportDeadline('2025-12-31', '2026-01-01', 5, none)).toEqual({ deadline: '2026-01-16', calendarWarning: null });
    // Q1 2024, opened on its last day: 1–5 April.
    expect(reportDeadline('2024-03-31', '2024-03-31', 5, none).deadline).toBe('2024-04-05');
  });

  it('never leaves fewer working days than N from the day the period opens', () => {
    expect(reportDeadline('2024-03-31', '2024-04-01', 5, none).deadline).toBe('2024-04-08');
    // The decree's working Saturday counts.
    expect(reportDeadline('2024-03-31', '2024-04-26', 1, none).deadline).toBe('2024-04-27');
  });

  it('follows a stored year over the built-in one and the issuer’s regional holidays', () => {
    const stored = { decrees: [{ year: 2026, source: 'иное постановление', transfers: [] }], regionalDaysOff: ['2026-01-12'] };
    // Without the 2026 transfer, 9 January is a working day; 12 January is the region's holiday.
    expect(reportDeadline('2025-12-31', '2026-01-01', 2, stored).deadline).toBe('2026-01-13');
  });

  it('warns when the deadline falls in a year without a decree', () => {
    const { deadline, calendarWarning } = reportDeadline('2026-12-31', '2027-01-01', 5, none);
    expect(deadline).toBe('2027-01-15');
    expect(calendarWarning).toContain('без постановления Правительства РФ о переносе выходных дней в 2027 году');
    const stored = { decrees: [{ year: 2027, source: 'Постановление № 1', transfers: [] }], regionalDaysOff: [] };
    expect(reportDeadline('2026-12-31', '2027-01-01', 5, stored).calendarWarning).toBeNull();
  });

  it('asks for the years a deadline can reach', () => {
    expect(deadlineYears('2025-12-31', '2026-01-02')).toEqual([2025, 2026, 2027]);
  });

  it('reminds N working days before the deadline, skipping days off', () => {
    // Deadline Friday 16 January 2026: three working days before is Tuesday 13 January.
    expect(reminderDay('2026-01-16', '2026-01-01', 3, none)).toBe('2026-01-13');
    // Deadline Monday 8 April 2024: the weekend is not counted, so Wednesday 3 April.
    expect(reminderDay('2024-04-08', '2024-04-01', 3, none)).toBe('2024-04-03');
    // The region's holiday is not a working day either.
    expect(reminderDay('2026-01-16', '2026-01-01', 3, { decrees: [], regionalDaysOff: ['2026-01-13'] })).toBe('2026-01-12');
  });

  it('does not remind on or before the day the period opens, nor when reminders are off', () => {
    expect(reminderDay('2024-04-05', '2024-04-02', 3, none)).toBeNull();
    expect(reminderDay('2026-01-16', '2026-01-01', 0, none)).toBeNull();
  });
});

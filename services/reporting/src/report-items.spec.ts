import { daysLate } from './report-items';

describe('a report late against its deadline', () => {
  it('counts whole days by the Moscow calendar: the deadline day itself is on time to its last minute', () => {
    expect(daysLate('2025-10-15', new Date('2025-10-15T20:59:59Z'))).toBe(0);
    expect(daysLate('2025-10-15', new Date('2025-10-15T21:00:00Z'))).toBe(1);
    expect(daysLate('2025-10-15', new Date('2025-11-14T12:00:00Z'))).toBe(30);
    expect(daysLate('2025-10-15', new Date('2025-09-01T12:00:00Z'))).toBe(0);
  });
});

import { restartDelay } from './supervisor';

describe('restartDelay', () => {
  it('doubles with each failure in a row and stops at the cap', () => {
    const backoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(n, backoff))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

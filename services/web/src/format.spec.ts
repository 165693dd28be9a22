/// <reference types="jest" />
import { formatDays } from './format';

describe('days late as the overdue list says them', () => {
  it('agrees the word with the number', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(formatDays)).toEqual([
      '1 день', '2 дня', '4 дня', '5 дней', '11 дней', '12 дней', '14 дней', '21 день', '22 дня', '25 дней', '101 день', '111 дней',
    ]);
  });
});

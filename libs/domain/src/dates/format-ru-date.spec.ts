import { formatRuDate, formatRuDateRange, formatRuLongDate } from './format-ru-date';
import { monthFromRussianWord, ruMonthName } from './russian-months';

describe('Russian dates', () => {
  it('formats dates as documents write them', () => {
    expect(formatRuDate('2024-08-28')).toBe('28.08.2024');
    expect(formatRuLongDate('2024-08-28')).toBe('28 августа 2024 г.');
    expect(formatRuLongDate('2023-03-01')).toBe('1 марта 2023 г.');
    expect(formatRuDateRange('2023-09-01', '2024-08-31')).toBe('01.09.2023–31.08.2024');
    expect(formatRuDateRange('2023-09-01', '2023-09-01')).toBe('01.09.2023');
  });

  it('names months in three cases', () => {
    expect(ruMonthName(5)).toBe('май');
    expect(ruMonthName(5, 'genitive')).toBe('мая');
    expect(ruMonthName(5, 'prepositional')).toBe('мае');
    expect(ruMonthName(12, 'genitive')).toBe('декабря');
    expect(() => ruMonthName(13)).toThrow(RangeError);
  });

  it.each([
    ['Сентября', 9], ['сентябрь', 9], ['сент.', 9], ['мае', 5], ['мая', 5], ['Июнь', 6], ['июля', 7],
    ['августе', 8], ['дек.', 12], ['Февраль', 2], ['марте', 3], ['ноябре', 11], ['январь', 1], ['апреля', 4],
    ['октябрь', 10],
  ])('reads «%s» as month %i', (word, month) => {
    expect(monthFromRussianWord(word)).toBe(month);
  });

  it.each(['маска', 'марка', 'июнька', 'год', 'майский'])('does not take «%s» for a month', (word) => {
    expect(monthFromRussianWord(word)).toBeNull();
  });
});

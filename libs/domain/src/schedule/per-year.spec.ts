import { parseSchedule } from './parse-schedule';
import { occurrencesIn, quartersDue } from './schedule-occurrences';

/** A road map for three academic years. */
const PLAN = { start: '2022-09-01', end: '2025-08-31' };

describe('deadlines spanning several years: one interval per year of the plan, recurring annually', () => {
  it.each([
    {
      raw: 'в течение 2022/2023, 2023/2024 учебных годов',
      intervals: [
        { start: '2022-09-01', end: '2023-08-31' },
        { start: '2023-09-01', end: '2024-08-31' },
      ],
      warnings: [],
    },
    {
      raw: '2023–2025 гг.',
      intervals: [
        { start: '2023-01-01', end: '2023-12-31' },
        { start: '2024-01-01', end: '2024-12-31' },
        { start: '2025-01-01', end: '2025-08-31' },
      ],
      warnings: [
        'Срок 01.01.2023–31.12.2025 выходит за период плана 01.09.2022–31.08.2025',
        'Срок «2023–2025 гг.» выходит за период плана: учтены только годы в его пределах, проверьте',
      ],
    },
    {
      raw: 'ежегодно, до 20 декабря',
      intervals: [
        { start: '2022-09-01', end: '2022-12-20' },
        { start: '2023-09-01', end: '2023-12-20' },
        { start: '2024-09-01', end: '2024-12-20' },
      ],
      warnings: ['Начало срока не указано: принято начало периода плана (01.09.2022–20.12.2022)'],
    },
    {
      raw: 'ежегодно, начиная с 2023 года',
      intervals: [
        { start: '2023-01-01', end: '2023-12-31' },
        { start: '2024-01-01', end: '2024-12-31' },
        { start: '2025-01-01', end: '2025-08-31' },
      ],
      warnings: ['Окончание срока не указано: принят конец периода плана (01.01.2023–31.08.2025)'],
    },
    {
      raw: 'ежегодно',
      intervals: [
        { start: '2022-09-01', end: '2023-08-31' },
        { start: '2023-09-01', end: '2024-08-31' },
        { start: '2024-09-01', end: '2025-08-31' },
      ],
      warnings: [],
    },
    {
      raw: '2023/2024, 2024/2025 уч. г.',
      intervals: [
        { start: '2023-09-01', end: '2024-08-31' },
        { start: '2024-09-01', end: '2025-08-31' },
      ],
      warnings: [],
    },
    {
      raw: '2023, 2024 годы',
      intervals: [
        { start: '2023-01-01', end: '2023-12-31' },
        { start: '2024-01-01', end: '2024-12-31' },
      ],
      warnings: [],
    },
  ])('«$raw»', ({ raw, intervals, warnings }) => {
    const schedule = parseSchedule(raw, PLAN);
    expect(schedule).toMatchObject({ kind: 'recurring', recurrence: 'annually', intervals, warnings });
    // Monitoring reads the same years: the intervals are the occurrences, nothing repeats on top of them.
    expect(occurrencesIn(schedule, PLAN)).toEqual(intervals);
  });

  it('leaves a single year, academic or calendar, as one period', () => {
    expect(parseSchedule('в течение 2023-2024 учебного года', PLAN)).toMatchObject({
      kind: 'continuous',
      recurrence: null,
      intervals: [{ start: '2023-09-01', end: '2024-08-31' }],
    });
    expect(parseSchedule('2024 год', PLAN)).toMatchObject({ kind: 'period', recurrence: null });
  });

  it('makes an event «до 20 декабря» every year due in the autumn quarters of each year', () => {
    const due = quartersDue(parseSchedule('ежегодно, до 20 декабря', PLAN), 'calendar').map((q) => `${q.year}Q${q.quarter}`);
    expect(due).toEqual(['2022Q3', '2022Q4', '2023Q3', '2023Q4', '2024Q3', '2024Q4']);
  });
});

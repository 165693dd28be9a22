import { parseSchedule } from './parse-schedule';
import { occurrencesIn, quartersDue, quartersOfPeriod } from './schedule-occurrences';

const AY2023 = { start: '2023-09-01', end: '2024-08-31' };
const CY2021_2024 = { start: '2021-01-01', end: '2024-12-31' };
const quarterNames = (quarters: { year: number; quarter: number }[]): string[] =>
  quarters.map(({ year, quarter }) => `${year}Q${quarter}`);

describe('occurrencesIn', () => {
  it('clips plain intervals to the range', () => {
    const schedule = parseSchedule('Ноябрь 2023 - Февраль 2024', AY2023);
    expect(occurrencesIn(schedule, { start: '2024-01-01', end: '2024-03-31' })).toEqual([
      { start: '2024-01-01', end: '2024-02-29' },
    ]);
  });

  it('splits a quarterly span into calendar quarters', () => {
    const schedule = parseSchedule('Ежеквартально', AY2023);
    expect(occurrencesIn(schedule, AY2023)).toEqual([
      { start: '2023-09-01', end: '2023-09-30' },
      { start: '2023-10-01', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-03-31' },
      { start: '2024-04-01', end: '2024-06-30' },
      { start: '2024-07-01', end: '2024-08-31' },
    ]);
  });

  it('splits a monthly span into months', () => {
    const schedule = parseSchedule('Ежемесячно 2021-2024', CY2021_2024);
    const occurrences = occurrencesIn(schedule, { start: '2022-01-15', end: '2022-03-31' });
    expect(occurrences).toEqual([
      { start: '2022-01-15', end: '2022-01-31' },
      { start: '2022-02-01', end: '2022-02-28' },
      { start: '2022-03-01', end: '2022-03-31' },
    ]);
    expect(occurrencesIn(schedule, CY2021_2024)).toHaveLength(48);
  });

  it('repeats a first occurrence every year', () => {
    expect(occurrencesIn(parseSchedule('IV квартал 2022 г., далее – ежегодно', CY2021_2024), CY2021_2024)).toEqual([
      { start: '2022-10-01', end: '2022-12-31' },
      { start: '2023-10-01', end: '2023-12-31' },
      { start: '2024-10-01', end: '2024-12-31' },
    ]);
    expect(occurrencesIn(parseSchedule('Ежегодно, июль-август', CY2021_2024), CY2021_2024)).toEqual([
      { start: '2021-07-01', end: '2021-08-31' },
      { start: '2022-07-01', end: '2022-08-31' },
      { start: '2023-07-01', end: '2023-08-31' },
      { start: '2024-07-01', end: '2024-08-31' },
    ]);
  });

  it('splits a weekly span into ISO weeks', () => {
    const schedule = parseSchedule('еженедельно', AY2023);
    expect(occurrencesIn(schedule, { start: '2023-09-01', end: '2023-09-12' })).toEqual([
      { start: '2023-09-01', end: '2023-09-03' },
      { start: '2023-09-04', end: '2023-09-10' },
      { start: '2023-09-11', end: '2023-09-12' },
    ]);
  });

  it('keeps every stage', () => {
    const schedule = parseSchedule('Отборочный этап: 11 -30 сентября года Очный финал: 13 октября 2023 года', AY2023);
    expect(occurrencesIn(schedule, AY2023)).toEqual([
      { start: '2023-09-11', end: '2023-09-30' },
      { start: '2023-10-13', end: '2023-10-13' },
    ]);
  });
});

describe('quartersDue', () => {
  it('lists the calendar quarters an interval touches', () => {
    const due = quartersDue(parseSchedule('Сентябрь - Май 2023', AY2023), 'calendar');
    expect(quarterNames(due)).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2']);
    expect(due[0]).toEqual({ year: 2023, quarter: 3, start: '2023-07-01', end: '2023-09-30' });
  });

  it('counts academic quarters from September', () => {
    const due = quartersDue(parseSchedule('Сентябрь - Май 2023', AY2023), 'academic');
    expect(due).toEqual([
      { year: 2023, quarter: 1, start: '2023-09-01', end: '2023-11-30' },
      { year: 2023, quarter: 2, start: '2023-12-01', end: '2024-02-29' },
      { year: 2023, quarter: 3, start: '2024-03-01', end: '2024-05-31' },
    ]);
    expect(quarterNames(quartersDue(parseSchedule('июль 2024', AY2023), 'academic'))).toEqual(['2023Q4']);
  });

  it('expands recurrences', () => {
    const due = quartersDue(parseSchedule('IV квартал 2022 г., далее – ежегодно', CY2021_2024), 'calendar');
    expect(quarterNames(due)).toEqual(['2022Q4', '2023Q4', '2024Q4']);
    expect(quarterNames(quartersDue(parseSchedule('Ежеквартально', CY2021_2024), 'calendar'))).toHaveLength(16);
  });

  it('names one quarter for a single date and every quarter for continuous work', () => {
    expect(quarterNames(quartersDue(parseSchedule('5 декабря 2023 г.', AY2023), 'calendar'))).toEqual(['2023Q4']);
    expect(quarterNames(quartersDue(parseSchedule('постоянно', AY2023), 'calendar'))).toEqual([
      '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3',
    ]);
  });
});

describe('quartersOfPeriod', () => {
  it('lists the calendar quarters of an academic-year plan with the part covered', () => {
    const quarters = quartersOfPeriod(AY2023);
    expect(quarterNames(quarters)).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3']);
    expect(quarters[0]).toEqual({
      year: 2023,
      quarter: 3,
      start: '2023-07-01',
      end: '2023-09-30',
      covered: { start: '2023-09-01', end: '2023-09-30' },
    });
    expect(quarters[4]?.covered).toEqual({ start: '2024-07-01', end: '2024-08-31' });
  });

  it('lists four quarters for a calendar year', () => {
    expect(quarterNames(quartersOfPeriod({ start: '2022-01-01', end: '2022-12-31' }))).toEqual([
      '2022Q1', '2022Q2', '2022Q3', '2022Q4',
    ]);
  });
});

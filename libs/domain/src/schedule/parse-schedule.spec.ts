import { parseSchedule } from './parse-schedule';
import type { PlanPeriod, Recurrence, ScheduleKind } from './schedule.types';

const PERIODS = {
  ay2021: { start: '2021-09-01', end: '2022-08-31' },
  ay2023: { start: '2023-09-01', end: '2024-08-31' },
  ay2024: { start: '2024-09-01', end: '2025-08-31' },
  cy2022: { start: '2022-01-01', end: '2022-12-31' },
  cy2021to2024: { start: '2021-01-01', end: '2024-12-31' },
} satisfies Record<string, PlanPeriod>;

type Row = [raw: string, period: keyof typeof PERIODS, kind: ScheduleKind, intervals: string, recurrence?: Recurrence];

/** `intervals` is «start..end» per stage, joined by spaces. */
const ROWS: Row[] = [
  // Single days.
  ['23 августа 2023 г.', 'cy2022', 'date', '2023-08-23..2023-08-23'],
  ['5 декабря 2023 г.', 'ay2023', 'date', '2023-12-05..2023-12-05'],
  ['5 сентября 2023 г.', 'ay2023', 'date', '2023-09-05..2023-09-05'],
  ['25.08.2022', 'cy2022', 'date', '2022-08-25..2022-08-25'],
  ['25.08.22', 'cy2022', 'date', '2022-08-25..2022-08-25'],
  ['25/08/2022', 'cy2022', 'date', '2022-08-25..2022-08-25'],
  ['1 марта', 'ay2023', 'date', '2024-03-01..2024-03-01'],
  ['15 октября', 'ay2023', 'date', '2023-10-15..2023-10-15'],
  ['13 октября 2023 года', 'ay2023', 'date', '2023-10-13..2023-10-13'],
  ['5 и 12 мая 2022', 'cy2022', 'date', '2022-05-05..2022-05-05 2022-05-12..2022-05-12'],
  ['<b>25 мая 2024 г.</b>', 'ay2023', 'date', '2024-05-25..2024-05-25'],
  ['**10 ноября 2023 г.**', 'ay2023', 'date', '2023-11-10..2023-11-10'],
  ['31.02.2024', 'ay2023', 'date', '2024-02-29..2024-02-29'],
  // Day ranges.
  ['15-20 декабря 2023 г.', 'ay2023', 'range', '2023-12-15..2023-12-20'],
  ['15 – 20 декабря 2023 г.', 'ay2023', 'range', '2023-12-15..2023-12-20'],
  ['15—20 декабря 2023г.', 'ay2023', 'range', '2023-12-15..2023-12-20'],
  ['<p>12 - 15 сентября 2023 г.</p>', 'ay2023', 'range', '2023-09-12..2023-09-15'],
  ['27-29 ноября 2023 г.', 'ay2023', 'range', '2023-11-27..2023-11-29'],
  ['23 25 ноября 2023 г.', 'ay2023', 'range', '2023-11-23..2023-11-25'],
  ['30 октября - 3 ноября 2023 г.', 'ay2023', 'range', '2023-10-30..2023-11-03'],
  ['2 октября - 15 ноября 2023 г.', 'ay2023', 'range', '2023-10-02..2023-11-15'],
  ['с 1 по 15 мая 2022 г.', 'cy2022', 'range', '2022-05-01..2022-05-15'],
  ['01.09.2023 - 31.05.2024', 'ay2023', 'range', '2023-09-01..2024-05-31'],
  ['01.09.22 – 15.09.22', 'cy2022', 'range', '2022-09-01..2022-09-15'],
  ['01.09-15.09.2023', 'ay2023', 'range', '2023-09-01..2023-09-15'],
  ['15-20.12.2023', 'ay2023', 'range', '2023-12-15..2023-12-20'],
  ['28 декабря 2023 - 10 января 2024', 'ay2023', 'range', '2023-12-28..2024-01-10'],
  ['до 01.12.2023', 'ay2023', 'range', '2023-09-01..2023-12-01'],
  ['не позднее 15.03.2022', 'cy2022', 'range', '2022-01-01..2022-03-15'],
  ['не позднее 20 мая 2024 года', 'ay2023', 'range', '2023-09-01..2024-05-20'],
  ['с 01.07.2022', 'cy2022', 'range', '2022-07-01..2022-12-31'],
  // Stages.
  [
    'Дистанционный отборочный этап: 11 -30 сентября года Очный финал: 13 октября 2023 года',
    'ay2023', 'range', '2023-09-11..2023-09-30 2023-10-13..2023-10-13',
  ],
  [
    'Дистанционный отборочный этап: 11 -30 сентября года Очный финал: 24-27 октября 2023 года',
    'ay2023', 'range', '2023-09-11..2023-09-30 2023-10-24..2023-10-27',
  ],
  ['Муниципальный этап: октябрь 2023;\nрегиональный этап: 5-7 декабря 2023', 'ay2023', 'period', '2023-10-01..2023-10-31 2023-12-05..2023-12-07'],
  ['январь-март 2022, сентябрь-ноябрь 2022', 'cy2022', 'period', '2022-01-01..2022-03-31 2022-09-01..2022-11-30'],
  // Months and month ranges.
  ['Октябрь – ноябрь 2023', 'ay2023', 'period', '2023-10-01..2023-11-30'],
  ['Сентябрь - Май 2023', 'ay2023', 'period', '2023-09-01..2024-05-31'],
  ['Ноябрь 2021 - Февраль 2022', 'ay2021', 'period', '2021-11-01..2022-02-28'],
  ['Сентябрь-октябрь, 2021', 'ay2021', 'period', '2021-09-01..2021-10-31'],
  ['Февраль-май, 2022', 'ay2021', 'period', '2022-02-01..2022-05-31'],
  ['Февраль – апрель 2022', 'ay2021', 'period', '2022-02-01..2022-04-30'],
  ['Ноябрь, 2021', 'ay2021', 'period', '2021-11-01..2021-11-30'],
  ['Февраль 2024 года', 'ay2023', 'period', '2024-02-01..2024-02-29'],
  ['Апрель 2024 г.', 'ay2023', 'period', '2024-04-01..2024-04-30'],
  ['<p>ноябрь 2023</p>', 'ay2023', 'period', '2023-11-01..2023-11-30'],
  ['ноябрь 2024 года. – март 2025 года', 'ay2024', 'period', '2024-11-01..2025-03-31'],
  ['сентябрь 2024 года – май 2025 года', 'ay2024', 'period', '2024-09-01..2025-05-31'],
  ['сентябрь-декабрь 2024 года', 'ay2024', 'period', '2024-09-01..2024-12-31'],
  ['апрель-май 2025 года', 'ay2024', 'period', '2025-04-01..2025-05-31'],
  ['ноябрь', 'ay2023', 'period', '2023-11-01..2023-11-30'],
  ['март', 'ay2023', 'period', '2024-03-01..2024-03-31'],
  ['Ноябрь - февраль', 'ay2023', 'period', '2023-11-01..2024-02-29'],
  ['в мае 2024 года', 'ay2023', 'period', '2024-05-01..2024-05-31'],
  ['сент.-окт. 2023', 'ay2023', 'period', '2023-09-01..2023-10-31'],
  ['дек. 2023', 'ay2023', 'period', '2023-12-01..2023-12-31'],
  ['сeнтябрь 2022', 'cy2022', 'period', '2022-09-01..2022-09-30'],
  ['Октябрь\n2022', 'cy2022', 'period', '2022-10-01..2022-10-31'],
  ['  Декабрь   2022  ', 'cy2022', 'period', '2022-12-01..2022-12-31'],
  ['декабрь 2022 - январь', 'cy2021to2024', 'period', '2022-12-01..2023-01-31'],
  ['с сентября 2022 года', 'cy2022', 'period', '2022-09-01..2022-12-31'],
  // Quarters, halves, seasons, years.
  ['IV квартал 2022 г.', 'cy2022', 'period', '2022-10-01..2022-12-31'],
  ['III кв. 2022', 'cy2022', 'period', '2022-07-01..2022-09-30'],
  ['в III квартале 2022 года', 'cy2022', 'period', '2022-07-01..2022-09-30'],
  ['2 квартал 2022 г.', 'cy2022', 'period', '2022-04-01..2022-06-30'],
  ['1-й квартал 2022', 'cy2022', 'period', '2022-01-01..2022-03-31'],
  ['I-II квартал 2022', 'cy2022', 'period', '2022-01-01..2022-06-30'],
  ['II – III кварталы 2022 года', 'cy2022', 'period', '2022-04-01..2022-09-30'],
  ['третий квартал 2022', 'cy2022', 'period', '2022-07-01..2022-09-30'],
  ['ІV квартал', 'ay2023', 'period', '2023-10-01..2023-12-31'],
  ['I полугодие', 'ay2023', 'period', '2024-01-01..2024-06-30'],
  ['II полугодие 2022 г.', 'cy2022', 'period', '2022-07-01..2022-12-31'],
  ['в течение I полугодия 2022 года', 'cy2022', 'period', '2022-01-01..2022-06-30'],
  ['весна 2024', 'ay2023', 'period', '2024-03-01..2024-05-31'],
  ['летом 2022 года', 'cy2022', 'period', '2022-06-01..2022-08-31'],
  ['осень 2023', 'ay2023', 'period', '2023-09-01..2023-11-30'],
  ['зимой', 'ay2023', 'period', '2023-12-01..2024-02-29'],
  ['2022 год', 'cy2022', 'period', '2022-01-01..2022-12-31'],
  ['2021-2024 годы', 'cy2021to2024', 'period', '2021-01-01..2024-12-31'],
  ['до конца 2022 года', 'cy2022', 'period', '2022-01-01..2022-12-31'],
  // Continuous.
  ['в течение 2024-2025 учебного года', 'ay2024', 'continuous', '2024-09-01..2025-08-31'],
  ['в течение 2024 - 2025 учебного года', 'ay2024', 'continuous', '2024-09-01..2025-08-31'],
  ['в течение 2022 года', 'cy2021to2024', 'continuous', '2022-01-01..2022-12-31'],
  ['В течение года', 'ay2023', 'continuous', '2023-09-01..2024-08-31'],
  ['Сроки проведения В течение года', 'ay2023', 'continuous', '2023-09-01..2024-08-31'],
  ['В течение учебного года', 'ay2021', 'continuous', '2021-09-01..2022-08-31'],
  ['в течение года (по отдельному графику)', 'ay2023', 'continuous', '2023-09-01..2024-08-31'],
  ['в течение года в соответствии с планом проведения мероприятий', 'ay2023', 'continuous', '2023-09-01..2024-08-31'],
  ['постоянно', 'ay2024', 'continuous', '2024-09-01..2025-08-31'],
  ['Постоянно', 'ay2024', 'continuous', '2024-09-01..2025-08-31'],
  ['в течение всего периода', 'cy2021to2024', 'continuous', '2021-01-01..2024-12-31'],
  ['по мере необходимости', 'cy2022', 'continuous', '2022-01-01..2022-12-31'],
  ['до конца учебного года', 'ay2023', 'continuous', '2023-09-01..2024-08-31'],
  // Recurring.
  ['Ежеквартально', 'ay2021', 'recurring', '2021-09-01..2022-08-31', 'quarterly'],
  ['В течение года (ежеквартально)', 'ay2021', 'recurring', '2021-09-01..2022-08-31', 'quarterly'],
  ['раз в квартал', 'cy2022', 'recurring', '2022-01-01..2022-12-31', 'quarterly'],
  ['Ежемесячно 2021-2024', 'cy2021to2024', 'recurring', '2021-01-01..2024-12-31', 'monthly'],
  ['ежемесячно', 'cy2022', 'recurring', '2022-01-01..2022-12-31', 'monthly'],
  ['еженедельно', 'cy2022', 'recurring', '2022-01-01..2022-12-31', 'weekly'],
  ['Ежегодно, июль-август', 'cy2021to2024', 'recurring', '2021-07-01..2021-08-31', 'annually'],
  ['ежегодно в сентябре', 'cy2021to2024', 'recurring', '2021-09-01..2021-09-30', 'annually'],
  ['IV квартал 2022 г., далее – ежегодно', 'cy2021to2024', 'recurring', '2022-10-01..2022-12-31', 'annually'],
  ['с 01.07.2022, далее – ежегодно', 'cy2021to2024', 'recurring', '2022-07-01..2024-12-31', 'annually'],
  // «Далее» without a rule: the first date only.
  ['Апрель 2021, далее по мере создания новых ЦЦО', 'cy2021to2024', 'period', '2021-04-01..2021-04-30'],
  // External.
  ['согласно отдельному графику ФГАОУ ДПО «Академия Минпросвещения России', 'ay2024', 'external', '2024-09-01..2025-08-31'],
  ['В сроки, определяемые положением о проведении мероприятия', 'ay2021', 'external', '2021-09-01..2022-08-31'],
  ['В сроки, определяемые ФГАОУ ДПО «Академия Минпросвещения России»', 'ay2021', 'external', '2021-09-01..2022-08-31'],
  ['В сроки, определяемые проектами', 'ay2021', 'external', '2021-09-01..2022-08-31'],
  ['По плану проведения мероприятий', 'ay2021', 'external', '2021-09-01..2022-08-31'],
  ['по отдельному плану', 'cy2022', 'external', '2022-01-01..2022-12-31'],
  ['в соответствии с положением о конкурсе', 'cy2022', 'external', '2022-01-01..2022-12-31'],
  // Unknown.
  ['abc', 'cy2022', 'unknown', '2022-01-01..2022-12-31'],
  ['', 'cy2022', 'unknown', '2022-01-01..2022-12-31'],
  ['15.13.2022', 'cy2022', 'unknown', '2022-01-01..2022-12-31'],
  ['до 20 числа', 'cy2022', 'unknown', '2022-01-01..2022-12-31'],
];

const show = (intervals: { start: string; end: string }[]): string => intervals.map((i) => `${i.start}..${i.end}`).join(' ');

describe('parseSchedule', () => {
  it('covers at least 80 phrasings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });

  const cases = ROWS.map(([raw, period, kind, intervals, recurrence]) => ({
    raw,
    period,
    kind,
    intervals,
    recurrence: recurrence ?? null,
  }));

  it.each(cases)('«$raw» ($period) → $kind $intervals', ({ raw, period, kind, intervals, recurrence }) => {
    const schedule = parseSchedule(raw, PERIODS[period]);
    expect(schedule.raw).toBe(raw);
    expect({ kind: schedule.kind, intervals: show(schedule.intervals), recurrence: schedule.recurrence }).toEqual({
      kind,
      intervals,
      recurrence,
    });
    expect(schedule.confidence).toBeGreaterThanOrEqual(0);
    expect(schedule.confidence).toBeLessThanOrEqual(1);
  });
});

describe('parseSchedule confidence and warnings', () => {
  const ay2023 = PERIODS.ay2023;

  it('is certain about exact dates', () => {
    expect(parseSchedule('15-20 декабря 2023 г.', ay2023)).toMatchObject({ confidence: 1, warnings: [] });
  });

  it('warns when it moves the year to fit the plan period', () => {
    const schedule = parseSchedule('Сентябрь - Май 2023', ay2023);
    expect(schedule.confidence).toBe(0.8);
    expect(schedule.warnings).toEqual(['Год 2023 отнесён к началу срока по периоду плана: 01.09.2023–31.05.2024']);
  });

  it('warns about a year outside the plan period and keeps it as written', () => {
    const schedule = parseSchedule('Апрель 2023', ay2023);
    expect(schedule.intervals).toEqual([{ start: '2023-04-01', end: '2023-04-30' }]);
    expect(schedule.confidence).toBe(0.5);
    expect(schedule.warnings[0]).toContain('вне периода плана 01.09.2023–31.08.2024');
  });

  it('warns about a stage without its year', () => {
    const schedule = parseSchedule('Отборочный этап: 11 -30 сентября года Очный финал: 10 ноября 2023 года', ay2023);
    expect(schedule.confidence).toBe(0.9);
    expect(schedule.warnings).toEqual(['Год не указан для срока 11.09.2023–30.09.2023: принят по другим датам в тексте']);
  });

  it('warns about a lost dash', () => {
    expect(parseSchedule('23 25 ноября 2023 г.', ay2023).warnings[0]).toContain('пропущено тире');
  });

  it('warns when a multi-year plan leaves a month without its year ambiguous', () => {
    const schedule = parseSchedule('ноябрь-декабрь', PERIODS.cy2021to2024);
    expect(schedule.intervals).toEqual([{ start: '2021-11-01', end: '2021-12-31' }]);
    expect(schedule.confidence).toBe(0.6);
    expect(schedule.warnings[0]).toContain('принят 2021 г.');
  });

  it('does not doubt a missing year in a recurring text', () => {
    expect(parseSchedule('Ежегодно, июль-август', PERIODS.cy2021to2024).warnings).toEqual([]);
  });

  it('clamps an impossible day and says so', () => {
    const schedule = parseSchedule('31.02.2024', ay2023);
    expect(schedule.confidence).toBe(0.3);
    expect(schedule.warnings).toEqual(['Несуществующая дата «31.02.2024»: принят последний день месяца']);
  });

  it('reports a non-existent month without throwing', () => {
    const schedule = parseSchedule('15.13.2022', PERIODS.cy2022);
    expect(schedule.kind).toBe('unknown');
    expect(schedule.warnings).toContain('Несуществующая дата «15.13.2022»: срок пропущен');
  });

  it('flags what follows «далее» when it is no rule', () => {
    const schedule = parseSchedule('Апрель 2021, далее по мере создания новых ЦЦО', PERIODS.cy2021to2024);
    expect(schedule.confidence).toBe(0.7);
    expect(schedule.warnings).toEqual(['Сроки после «далее» (по мере создания новых ццо) не определены: учтён только первый срок']);
  });

  it('marks external and unknown texts for a person', () => {
    expect(parseSchedule('по отдельному плану', ay2023)).toMatchObject({ confidence: 0.2, warnings: [expect.stringContaining('другим документом')] });
    expect(parseSchedule('когда-нибудь', ay2023)).toMatchObject({
      kind: 'unknown',
      confidence: 0,
      warnings: ['Срок «когда-нибудь» не распознан: принят весь период плана, требуется проверка'],
    });
  });

  it('records how far a recurrence runs', () => {
    expect(parseSchedule('IV квартал 2022 г., далее – ежегодно', PERIODS.cy2021to2024).repeatUntil).toBe('2024-12-31');
  });

  it('never throws, even on a broken period', () => {
    const schedule = parseSchedule('ноябрь', { start: 'когда-то', end: 'потом' });
    expect(schedule.kind).toBe('unknown');
  });
});

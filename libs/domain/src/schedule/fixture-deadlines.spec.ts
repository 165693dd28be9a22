import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLAN_FIXTURES } from '../import/plan-fixtures.testing';
import { parseSchedule } from './parse-schedule';
import type { PlanPeriod, Recurrence, ScheduleKind } from './schedule.types';

/** raw, kind, «start..end» per interval joined by spaces, recurrence. */
type Expected = [raw: string, kind: ScheduleKind, intervals: string, recurrence?: Recurrence];

/**
 * Every distinct deadline of the three real plans with what it means. The periods are the ones the titles
 * name; Samara's names none, its rows run through the 2021/2022 academic year.
 */
const PLANS: readonly { file: string; period: PlanPeriod; expected: Expected[] }[] = [
  {
    file: 'kaliningrad-2023-prikaz-1278-1.txt',
    period: { start: '2023-09-01', end: '2024-08-31' },
    expected: [
      ["23 августа 2023 г.", 'date', '2023-08-23..2023-08-23'],
      ["Сентябрь - Май 2023", 'period', '2023-09-01..2024-05-31'],
      ["Октябрь – ноябрь 2023", 'period', '2023-10-01..2023-11-30'],
      ["5 декабря 2023 г.", 'date', '2023-12-05..2023-12-05'],
      ["15-20 декабря 2023 г.", 'range', '2023-12-15..2023-12-20'],
      ["Февраль 2024 года", 'period', '2024-02-01..2024-02-29'],
      ["Март 2024 года", 'period', '2024-03-01..2024-03-31'],
      ["Апрель 2024 г.", 'period', '2024-04-01..2024-04-30'],
      ["Апрель 2024 года", 'period', '2024-04-01..2024-04-30'],
      ["Май 2024 года", 'period', '2024-05-01..2024-05-31'],
      ["Июнь 2024 года", 'period', '2024-06-01..2024-06-30'],
      ["<p>12 - 15 сентября 2023 г.</p>", 'range', '2023-09-12..2023-09-15'],
      ["<p>ноябрь 2023</p>", 'period', '2023-11-01..2023-11-30'],
      ["<p>декабрь 2023</p>", 'period', '2023-12-01..2023-12-31'],
      ["<p>сентябрь - октябрь 2023</p>", 'period', '2023-09-01..2023-10-31'],
      ["декабрь 2023", 'period', '2023-12-01..2023-12-31'],
      ["5 сентября 2023 г.", 'date', '2023-09-05..2023-09-05'],
      ["28 августа 2023 г.", 'date', '2023-08-28..2023-08-28'],
      ["в течение года в соответствии с планом проведения мероприятий", 'continuous', '2023-09-01..2024-08-31'],
      ["Сроки проведения В течение года", 'continuous', '2023-09-01..2024-08-31'],
      ["В течение года", 'continuous', '2023-09-01..2024-08-31'],
      ["Апрель 2023", 'period', '2023-04-01..2023-04-30'],
      ["Июнь 2023 г.", 'period', '2023-06-01..2023-06-30'],
      ["23 25 ноября 2023 г.", 'range', '2023-11-23..2023-11-25'],
      ["27-29 ноября 2023 г.", 'range', '2023-11-27..2023-11-29'],
      ["апрель 2023", 'period', '2023-04-01..2023-04-30'],
      ["Дистанционный отборочный этап: 11 -30 сентября года Очный финал: 13 октября 2023 года", 'range', '2023-09-11..2023-09-30 2023-10-13..2023-10-13'],
      ["Дистанционный отборочный этап: 11 -30 сентября года Очный финал: 10 ноября 2023 года", 'range', '2023-09-11..2023-09-30 2023-11-10..2023-11-10'],
      ["Дистанционный отборочный этап: 11 -30 сентября года Очный финал: 24-27 октября 2023 года", 'range', '2023-09-11..2023-09-30 2023-10-24..2023-10-27'],
      ["в течение года (по отдельному графику)", 'continuous', '2023-09-01..2024-08-31'],
      ["24 августа 2023 г.", 'date', '2023-08-24..2023-08-24'],
      ["29 августа 2023 г.", 'date', '2023-08-29..2023-08-29'],
      ["30 августа 2023 г.", 'date', '2023-08-30..2023-08-30'],
      ["30 октября - 3 ноября 2023 г.", 'range', '2023-10-30..2023-11-03'],
      ["2 октября - 15 ноября 2023 г.", 'range', '2023-10-02..2023-11-15'],
      ["Ноябрь 2023", 'period', '2023-11-01..2023-11-30'],
    ],
  },
  {
    file: 'samara-2021-plan.txt',
    period: { start: '2021-09-01', end: '2022-08-31' },
    expected: [
      ["Сентябрь-октябрь, 2021", 'period', '2021-09-01..2021-10-31'],
      ["Ноябрь 2021 - Февраль 2022", 'period', '2021-11-01..2022-02-28'],
      ["Ноябрь, 2021", 'period', '2021-11-01..2021-11-30'],
      ["Декабрь, 2021", 'period', '2021-12-01..2021-12-31'],
      ["Январь, 2022", 'period', '2022-01-01..2022-01-31'],
      ["Февраль-май, 2022", 'period', '2022-02-01..2022-05-31'],
      ["Февраль – апрель 2022", 'period', '2022-02-01..2022-04-30'],
      ["Март, 2022", 'period', '2022-03-01..2022-03-31'],
      ["Май, 2022", 'period', '2022-05-01..2022-05-31'],
      ["В течение учебного года", 'continuous', '2021-09-01..2022-08-31'],
      ["Февраль, 2022", 'period', '2022-02-01..2022-02-28'],
      ["Апрель, 2022", 'period', '2022-04-01..2022-04-30'],
      ["в течение года", 'continuous', '2021-09-01..2022-08-31'],
      ["В сроки, определяемые ФГАОУ ДПО «Академия Минпросвещения России»", 'external', '2021-09-01..2022-08-31'],
      ["Сентябрь, 2021", 'period', '2021-09-01..2021-09-30'],
      ["В течение года (ежеквартально)", 'recurring', '2021-09-01..2022-08-31', 'quarterly'],
      ["В течение учебного года (по отдельному графику)", 'continuous', '2021-09-01..2022-08-31'],
      ["В сроки, определяемые положением о проведении мероприятия", 'external', '2021-09-01..2022-08-31'],
      ["В сроки, определяемые проектами", 'external', '2021-09-01..2022-08-31'],
      ["По плану проведения мероприятий", 'external', '2021-09-01..2022-08-31'],
      ["Ежеквартально", 'recurring', '2021-09-01..2022-08-31', 'quarterly'],
    ],
  },
  {
    file: 'tver-2024-prikaz-1083-pk.txt',
    period: { start: '2024-09-01', end: '2025-08-31' },
    expected: [
      ["октябрь 2024 года", 'period', '2024-10-01..2024-10-31'],
      ["январь 2025 года", 'period', '2025-01-01..2025-01-31'],
      ["февраль 2025 года", 'period', '2025-02-01..2025-02-28'],
      ["март 2025 года", 'period', '2025-03-01..2025-03-31'],
      ["сентябрь-декабрь 2024 года", 'period', '2024-09-01..2024-12-31'],
      ["в течение 2024-2025 учебного года", 'continuous', '2024-09-01..2025-08-31'],
      ["ноябрь 2024 года", 'period', '2024-11-01..2024-11-30'],
      ["август 2024 года", 'period', '2024-08-01..2024-08-31'],
      ["согласно отдельному графику ФГАОУ ДПО «Академия Минпросвещения России", 'external', '2024-09-01..2025-08-31'],
      ["ноябрь 2024 года. – март 2025 года", 'period', '2024-11-01..2025-03-31'],
      ["постоянно", 'continuous', '2024-09-01..2025-08-31'],
      ["Постоянно", 'continuous', '2024-09-01..2025-08-31'],
      ["май 2025 года", 'period', '2025-05-01..2025-05-31'],
      ["в течение 2024 - 2025 учебного года", 'continuous', '2024-09-01..2025-08-31'],
      ["декабрь 2024 года", 'period', '2024-12-01..2024-12-31'],
      ["сентябрь 2024 года – май 2025 года", 'period', '2024-09-01..2025-05-31'],
      ["апрель-май 2025 года", 'period', '2025-04-01..2025-05-31'],
      ["сентябрь 2024 г.", 'period', '2024-09-01..2024-09-30'],
    ],
  },
];

/** Texts whose dates really are set elsewhere. */
const EXTERNAL = new Set([
  'согласно отдельному графику ФГАОУ ДПО «Академия Минпросвещения России',
  'В сроки, определяемые положением о проведении мероприятия',
  'В сроки, определяемые ФГАОУ ДПО «Академия Минпросвещения России»',
  'В сроки, определяемые проектами',
  'По плану проведения мероприятий',
]);

/** The «Сроки проведения» cell (4th column) of every numbered event row; «1 2 3 4 5» rows number the columns. */
function deadlinesOf(file: string): string[] {
  const rows = readFileSync(resolve(PLAN_FIXTURES, file), 'utf8').split('\n').map((line) => line.split('\t'));
  const cells = rows
    .filter((cells) => cells.length >= 4 && /^\s*\d+(?:\.\d+)*\s*$/.test(cells[0] ?? ''))
    .map((cells) => (cells[3] ?? '').trim())
    .filter((cell) => cell !== '' && !/^\d+$/.test(cell));
  return [...new Set(cells)];
}

const show = (intervals: { start: string; end: string }[]): string => intervals.map((i) => `${i.start}..${i.end}`).join(' ');

describe.each(PLANS)('deadlines of $file', ({ file, period, expected }) => {
  const deadlines = deadlinesOf(file);

  it('lists every distinct deadline of the plan in the table', () => {
    expect(deadlines.length).toBeGreaterThan(15);
    expect([...deadlines].sort()).toEqual(expected.map(([raw]) => raw).sort());
  });

  it.each(deadlines)('«%s» is understood unless it is truly external', (raw) => {
    const schedule = parseSchedule(raw, period);
    if (EXTERNAL.has(raw)) expect(schedule.kind).toBe('external');
    else expect(['date', 'range', 'period', 'continuous', 'recurring']).toContain(schedule.kind);
  });

  const cases = expected.map(([raw, kind, intervals, recurrence]) => ({ raw, kind, intervals, recurrence: recurrence ?? null }));

  it.each(cases)('«$raw» → $kind $intervals', ({ raw, kind, intervals, recurrence }) => {
    const schedule = parseSchedule(raw, period);
    expect({ kind: schedule.kind, intervals: show(schedule.intervals), recurrence: schedule.recurrence }).toEqual({
      kind,
      intervals,
      recurrence,
    });
  });
});

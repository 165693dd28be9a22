import { parsePlanPeriod } from '../schedule/parse-plan-period';
import type { PlanPeriod } from '../schedule/schedule.types';
import { PlanImportError } from './plan-import-error';

export interface ResolvedPeriod {
  period: PlanPeriod;
  /** Set when the period was inferred rather than read from a title. */
  warning: string | null;
}

const isAcademicYear = (period: PlanPeriod) => period.start.endsWith('-09-01') && period.end.endsWith('-08-31');

/**
 * The plan's period from its own words; when several texts name it («в 2023/2024 годах» in the title,
 * «на 2023/2024 учебный год» in the order), an academic year is the more precise reading for these plans.
 * Otherwise the order date, then the years its deadlines mention — each time with a warning.
 */
export function resolvePlanPeriod(texts: string[], documentDate: string | null, deadlines: string[]): ResolvedPeriod {
  const stated = texts.map(parsePlanPeriod).filter((p): p is PlanPeriod => p !== null);
  const chosen = stated.find(isAcademicYear) ?? stated[0];
  if (chosen) return { period: chosen, warning: null };

  if (documentDate) {
    const year = Number(documentDate.slice(0, 4));
    const period = Number(documentDate.slice(5, 7)) >= 7 ? academicYear(year) : calendarYears(year, year);
    return { period, warning: `Период плана не указан в заголовке; принят по дате документа: ${describe(period)}` };
  }

  const years = deadlines.flatMap((text) => [...text.matchAll(/(?<!\d)(20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  if (years.length > 0) {
    const first = Math.min(...years);
    const last = Math.max(...years);
    const period = last === first + 1 ? academicYear(first) : calendarYears(first, last);
    return { period, warning: `Период плана не указан в документе; принят по срокам мероприятий: ${describe(period)}` };
  }
  throw new PlanImportError('no-period', 'не указан ни период плана, ни дата, ни год в сроках', 'no period, date or year found');
}

function academicYear(startYear: number): PlanPeriod {
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

function calendarYears(first: number, last: number): PlanPeriod {
  return { start: `${first}-01-01`, end: `${last}-12-31` };
}

function describe(period: PlanPeriod): string {
  return `${period.start} — ${period.end}`;
}

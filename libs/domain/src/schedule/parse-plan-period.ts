import { toIsoDate } from '../dates/iso-date';
import type { PlanPeriod } from './schedule.types';

const YEAR = '((?:19|20)\\d\\d)';
const SEPARATOR = '\\s*[-‐-―−/]\\s*';

/** «2024-2025 учебный год», «2023/2024 учебном году»: an academic year. */
const ACADEMIC_YEAR = new RegExp(`${YEAR}${SEPARATOR}${YEAR}\\s*(?:г\\.?|гг\\.?)?\\s*учебн`, 'i');
/** «в 2023/2024 годах»: a slash joins the two halves of one academic year. */
const SLASHED_YEARS = new RegExp(`${YEAR}\\s*/\\s*${YEAR}`);
/** «на 2021-2024 годы»: calendar years. */
const YEAR_RANGE = new RegExp(`${YEAR}${SEPARATOR}${YEAR}\\s*(?:год|гг)`, 'i');
/** «на 2022 год», «в 2022 году». */
const SINGLE_YEAR = new RegExp(`${YEAR}\\s*(?:год|г\\.)`, 'i');

function academic(startYear: number): PlanPeriod {
  return { start: toIsoDate(startYear, 9, 1), end: toIsoDate(startYear + 1, 8, 31) };
}

/** Finds the plan's period in a title or order text; academic years run 1 September … 31 August. */
export function parsePlanPeriod(text: string): PlanPeriod | null {
  const academicYear = ACADEMIC_YEAR.exec(text);
  if (academicYear) return academic(Number(academicYear[1]));
  const slashed = SLASHED_YEARS.exec(text);
  if (slashed && Number(slashed[2]) === Number(slashed[1]) + 1) return academic(Number(slashed[1]));
  const range = YEAR_RANGE.exec(text);
  if (range && Number(range[1]) <= Number(range[2])) {
    return { start: toIsoDate(Number(range[1]), 1, 1), end: toIsoDate(Number(range[2]), 12, 31) };
  }
  const single = SINGLE_YEAR.exec(text);
  if (single) return { start: toIsoDate(Number(single[1]), 1, 1), end: toIsoDate(Number(single[1]), 12, 31) };
  return null;
}

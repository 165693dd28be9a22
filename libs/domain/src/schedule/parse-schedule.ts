import { maxIsoDate } from '../dates/iso-date';
import { parseDateExpressions } from './date-expressions';
import { detectRecurrence, isContinuous, isExternal, isOnDemand } from './deadline-phrases';
import { tokenizeDeadline } from './deadline-tokens';
import { intervalLength } from './interval-math';
import { normalizeDeadlineText } from './normalize-deadline-text';
import { withAnnualOccurrences, yearsWithin } from './per-year';
import { RECURRENCE_MIN_DAYS } from './recurrence-steps';
import { resolveExpressions, type Resolution, type ResolvedInterval } from './resolve-expressions';
import type { DateInterval, PlanPeriod, Recurrence, Schedule, ScheduleKind } from './schedule.types';

const wholePeriod = (period: PlanPeriod): DateInterval[] => [{ start: period.start, end: period.end }];

function unknownSchedule(raw: string, period: PlanPeriod, warnings: string[]): Schedule {
  return { raw, kind: 'unknown', intervals: wholePeriod(period), recurrence: null, confidence: 0, warnings };
}

/** «далее – ежегодно», «далее по мере создания новых ЦЦО»: what the text says about later dates. */
function continuationOf(text: string): string {
  return /(?:^|\s)(?:далее|в дальнейшем)\s*[-,:]?\s*(.*)$/.exec(text)?.[1]?.trim() ?? '';
}

function kindOfDates(intervals: readonly ResolvedInterval[]): ScheduleKind {
  if (intervals.every(({ precision }) => precision === 'day')) {
    return intervals.every(({ interval }) => interval.start === interval.end) ? 'date' : 'range';
  }
  return 'period';
}

function recurringSchedule(raw: string, period: PlanPeriod, recurrence: Recurrence, resolution: Resolution): Schedule {
  const isSpan = ({ interval }: ResolvedInterval): boolean => intervalLength(interval) >= RECURRENCE_MIN_DAYS[recurrence];
  const spans = resolution.intervals.filter(isSpan).map(({ interval }) => interval);
  const firstOccurrences = resolution.intervals.filter((resolved) => !isSpan(resolved)).map(({ interval }) => interval);
  const named = firstOccurrences.length > 0 ? firstOccurrences : spans;
  const intervals = named.length > 0 ? named : wholePeriod(period);
  // A written span bounds the repetition («Ежемесячно 2021-2024»); otherwise it runs to the plan's end.
  const bound = spans[spans.length - 1]?.end ?? period.end;
  return {
    raw,
    kind: 'recurring',
    intervals,
    recurrence,
    confidence: Math.min(resolution.confidence, named.length > 0 ? 1 : 0.9),
    warnings: resolution.warnings,
    repeatUntil: intervals.map(({ end }) => end).reduce(maxIsoDate, bound),
  };
}

function interpret(raw: string, period: PlanPeriod): Schedule {
  const text = normalizeDeadlineText(raw);
  if (text === '') return unknownSchedule(raw, period, ['Срок не указан: принят весь период плана, требуется проверка']);
  const recurrence = detectRecurrence(text);
  const expressions = parseDateExpressions(tokenizeDeadline(text));
  const resolution = resolveExpressions(expressions, period, { yearlessIsExpected: recurrence !== null });
  const { intervals, warnings } = resolution;

  if (recurrence === 'annually') return withAnnualOccurrences(recurringSchedule(raw, period, recurrence, resolution), period);
  if (recurrence !== null) return recurringSchedule(raw, period, recurrence, resolution);

  const years = yearsWithin(intervals, period);
  if (years) {
    const clippedWarning = `Срок «${raw.trim()}» выходит за период плана: учтены только годы в его пределах, проверьте`;
    return {
      raw,
      kind: 'recurring',
      intervals: years.years,
      recurrence: 'annually',
      confidence: resolution.confidence,
      warnings: years.clipped ? [...warnings, clippedWarning] : warnings,
    };
  }

  const onDemand = isOnDemand(text);
  if ((isContinuous(text) || onDemand) && intervals.every(({ precision }) => precision === 'year')) {
    const onDemandWarning = 'Срок «по мере необходимости»: мероприятие может пройти в любое время периода плана';
    return {
      raw,
      kind: 'continuous',
      intervals: intervals.length > 0 ? intervals.map(({ interval }) => interval) : wholePeriod(period),
      recurrence: null,
      confidence: Math.min(resolution.confidence, onDemand ? 0.5 : intervals.length > 0 ? 1 : 0.9),
      warnings: onDemand ? [...warnings, onDemandWarning] : warnings,
    };
  }

  if (intervals.length > 0) {
    const tail = continuationOf(text);
    const tailWarning = `Сроки после «далее» (${tail}) не определены: учтён только первый срок`;
    return {
      raw,
      kind: kindOfDates(intervals),
      intervals: intervals.map(({ interval }) => interval),
      recurrence: null,
      confidence: Math.min(resolution.confidence, tail === '' ? 1 : 0.7),
      warnings: tail === '' ? warnings : [...warnings, tailWarning],
    };
  }

  if (isExternal(text)) {
    return {
      raw,
      kind: 'external',
      intervals: wholePeriod(period),
      recurrence: null,
      confidence: 0.2,
      warnings: [...warnings, 'Сроки определяются другим документом или организатором: до их уточнения принят весь период плана'],
    };
  }
  return unknownSchedule(raw, period, [
    ...warnings,
    `Срок «${raw.trim()}» не распознан: принят весь период плана, требуется проверка`,
  ]);
}

/**
 * Understands a «Сроки проведения» cell (DESIGN.md §3): kind, inclusive intervals resolved against the
 * plan period, recurrence, confidence and Russian warnings about anything guessed.
 */
export function parseSchedule(raw: string, period: PlanPeriod): Schedule {
  try {
    return interpret(raw, period);
  } catch {
    // One odd cell must not stop a plan import; it goes to a person instead.
    return unknownSchedule(raw, period, [
      `Срок «${raw.trim()}» не удалось разобрать: принят весь период плана, требуется проверка`,
    ]);
  }
}

import { parseSchedule } from '../schedule/parse-schedule';
import type { PlanPeriod, Schedule } from '../schedule/schedule.types';
import type { ImportedDeadline } from './imported-plan.types';

/**
 * A deadline cell may hold several sub-rows (one date per stage of a road-map event, one per line); each is
 * parsed on its own and their intervals kept together, since a single parse of the glued text would
 * read two dates as one range.
 */
export function buildDeadline(raw: string, period: PlanPeriod): ImportedDeadline {
  const parts = raw.split('\n').filter((part) => part.trim() !== '');
  const schedules = (parts.length > 0 ? parts : ['']).map((part) => parseSchedule(part, period));
  if (schedules.length === 1) return toDeadline(raw, schedules[0]);
  const kinds = new Set(schedules.map((s) => s.kind));
  const warnings = schedules.flatMap((s) => s.warnings);
  if (kinds.size > 1) warnings.push('Срок состоит из частей разного вида, требуется проверка');
  return {
    raw,
    kind: kinds.size === 1 ? schedules[0].kind : (schedules.find((s) => s.kind !== 'unknown') ?? schedules[0]).kind,
    intervals: schedules.flatMap((s) => s.intervals),
    recurrence: schedules.find((s) => s.recurrence !== null)?.recurrence ?? null,
    warnings: [...new Set(warnings)],
  };
}

function toDeadline(raw: string, schedule: Schedule): ImportedDeadline {
  return {
    raw,
    kind: schedule.kind,
    intervals: schedule.intervals,
    recurrence: schedule.recurrence,
    warnings: schedule.warnings,
  };
}

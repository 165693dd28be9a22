import { buildDeadline, parseSchedule, type PlanPeriod, type Schedule } from '@eduplan/domain';

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/**
 * A «Сроки» cell as dates. A road-map cell holds one date per sub-row, one per line: each line is read
 * on its own and the intervals kept together, exactly as the import reads it.
 */
export function eventSchedule(raw: string, period: PlanPeriod): Schedule {
  const parts = lines(raw).map((line) => parseSchedule(line, period));
  if (parts.length <= 1) return { ...(parts[0] ?? parseSchedule(raw, period)), raw };
  const repeatUntil = parts
    .map((part) => part.repeatUntil)
    .filter((day): day is string => day !== undefined)
    .sort()
    .at(-1);
  return {
    ...buildDeadline(raw, period),
    confidence: Math.min(...parts.map((part) => part.confidence)),
    ...(repeatUntil ? { repeatUntil } : {}),
  };
}

export function textLines(text: string | null): string[] {
  return text === null ? [] : lines(text);
}

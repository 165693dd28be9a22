import type { Recurrence } from './schedule.types';

/** Shortest length of one step in days: an interval at least this long is a span, not an occurrence. */
export const RECURRENCE_MIN_DAYS: Readonly<Record<Recurrence, number>> = {
  weekly: 7,
  monthly: 28,
  quarterly: 90,
  annually: 365,
};

/** Calendar months per step; weekly steps are counted in days instead. */
export const RECURRENCE_MONTHS: Readonly<Record<Exclude<Recurrence, 'weekly'>, number>> = {
  monthly: 1,
  quarterly: 3,
  annually: 12,
};

export * from './schedule.types';
export { parseSchedule } from './parse-schedule';
export { parsePlanPeriod } from './parse-plan-period';
export { occurrencesIn, quartersDue, quartersOfPeriod } from './schedule-occurrences';
export type { DueQuarter, PeriodQuarter, QuarterSystem } from './schedule-occurrences';

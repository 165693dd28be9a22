import { addDays, quarterBounds, quarterOf, type QuarterNumber } from '@eduplan/domain';

/** The quarter before today's, with its bounds: a plan for it is plausible for an order signed now, and its period opens at once. */
export function lastQuarter() {
  const current = quarterOf(new Date().toISOString().slice(0, 10));
  const previous = quarterOf(addDays(quarterBounds(current.year, current.quarter).start, -1));
  return { ...previous, ...quarterBounds(previous.year, previous.quarter as QuarterNumber) };
}

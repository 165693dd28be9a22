import type { PlanDto, PlanEventDto, PlannedPeriod } from '@eduplan/contracts';
import { quartersDue, quartersOfPeriod } from '@eduplan/domain';

/** The organizations that owe reports on an event: by default the ids typed on its responsible items. */
export type EventOwners = (event: PlanEventDto) => readonly string[];

export const typedOwners: EventOwners = (event) => event.responsible.flatMap((r) => (r.organizationId ? [r.organizationId] : []));

/**
 * The calendar quarters a plan covers, each with the organizations that owe a report on the events
 * due in it (recurring events count in every quarter they recur in). Quarters in which nobody owes
 * anything are left out: there is nothing to collect.
 */
export function plannedPeriods(plan: PlanDto, ownersOf: EventOwners = typedOwners): Omit<PlannedPeriod, 'opensAt'>[] {
  return quartersOfPeriod(plan.period).flatMap(({ year, quarter, start, end }) => {
    const expected = expectedIn(plan, start, ownersOf);
    return expected.length ? [{ year, quarter, start, end, expected }] : [];
  });
}

/** Who owes which events of the quarter starting on `quarterStart`. */
export function expectedIn(plan: PlanDto, quarterStart: string, ownersOf: EventOwners): PlannedPeriod['expected'] {
  const owed = new Map<string, string[]>();
  for (const event of plan.sections.flatMap((s) => s.events)) {
    if (!quartersDue(event.deadline, 'calendar').some((q) => q.start === quarterStart)) continue;
    for (const organizationId of ownersOf(event)) {
      const events = owed.get(organizationId) ?? [];
      if (!events.includes(event.id)) owed.set(organizationId, [...events, event.id]);
    }
  }
  return [...owed].map(([organizationId, eventIds]) => ({ organizationId, eventIds }));
}

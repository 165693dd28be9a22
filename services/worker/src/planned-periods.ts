import type { OpenPeriodRequest, PlanDto, PlanEventDto, PlannedPeriod } from '@eduplan/contracts';
import { quartersDue, quartersOfPeriod } from '@eduplan/domain';

/** The organizations that owe reports on an event: by default the ids typed on its responsible items. */
export type EventOwners = (event: PlanEventDto) => readonly string[];

export const typedOwners: EventOwners = (event) => event.responsible.flatMap((r) => (r.organizationId ? [r.organizationId] : []));

/** Who owes a quarter's events, as the period's opening sends it: bounded by the plan's events and the region's organizations. */
export type PeriodOwing = Pick<OpenPeriodRequest, 'events' | 'responsibilities'> & { organizationIds: string[] };

/**
 * The calendar quarters a plan covers, each with how many organizations owe a report on the events due in it
 * (recurring events count in every quarter they recur in). Quarters in which nobody owes anything are left
 * out: there is nothing to collect. Counts only: the workflow keeps this in its history.
 */
export function plannedPeriods(plan: PlanDto, ownersOf: EventOwners = typedOwners): Omit<PlannedPeriod, 'opensAt'>[] {
  return quartersOfPeriod(plan.period).flatMap(({ year, quarter, start, end }) => {
    const { organizationIds } = owingIn(plan, start, ownersOf);
    return organizationIds.length ? [{ year, quarter, start, end, organizations: organizationIds.length }] : [];
  });
}

/**
 * The events due in the quarter starting on `quarterStart`, each naming its owners by index into a list of
 * distinct sets of organizations: a group of a thousand centers owing a hundred events is sent once, not a
 * hundred thousand times. The reporting service expands it into one row per organization and event.
 */
export function owingIn(plan: PlanDto, quarterStart: string, ownersOf: EventOwners): PeriodOwing {
  const responsibilities: { organizationIds: string[] }[] = [];
  const indexOf = new Map<string, number>();
  const events: PeriodOwing['events'] = [];
  for (const section of plan.sections) {
    for (const event of section.events) {
      if (!quartersDue(event.deadline, 'calendar').some((q) => q.start === quarterStart)) continue;
      const organizationIds = [...new Set(ownersOf(event))].sort();
      if (organizationIds.length === 0) continue;
      const key = organizationIds.join();
      if (!indexOf.has(key)) {
        indexOf.set(key, responsibilities.length);
        responsibilities.push({ organizationIds });
      }
      events.push({
        id: event.id,
        number: event.number ?? null,
        title: event.title,
        section: { id: section.id, number: section.number ?? null, title: section.title },
        owners: [indexOf.get(key)!],
      });
    }
  }
  const organizationIds = [...new Set(responsibilities.flatMap((r) => r.organizationIds))];
  return { events, responsibilities, organizationIds };
}

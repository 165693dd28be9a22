import type { PlanDto, PlannedPeriod } from '@eduplan/contracts';
import { quartersDue, quartersOfPeriod } from '@eduplan/domain';

/**
 * The calendar quarters a plan covers, each with the organizations that owe a report on the events
 * due in it (recurring events count in every quarter they recur in). Quarters in which nobody owes
 * anything are left out: there is nothing to collect.
 */
export function plannedPeriods(plan: PlanDto): Omit<PlannedPeriod, 'opensAt'>[] {
  const dueIn = new Map<string, Set<string>>();
  for (const event of plan.sections.flatMap((s) => s.events)) {
    dueIn.set(event.id, new Set(quartersDue(event.deadline, 'calendar').map((q) => q.start)));
  }
  return quartersOfPeriod(plan.period).flatMap(({ year, quarter, start, end }) => {
    const owed = new Map<string, string[]>();
    for (const event of plan.sections.flatMap((s) => s.events)) {
      if (!dueIn.get(event.id)?.has(start)) continue;
      for (const { organizationId } of event.responsible) {
        if (organizationId && !owed.get(organizationId)?.includes(event.id)) {
          owed.set(organizationId, [...(owed.get(organizationId) ?? []), event.id]);
        }
      }
    }
    if (!owed.size) return [];
    return [{ year, quarter, start, end, expected: [...owed].map(([organizationId, eventIds]) => ({ organizationId, eventIds })) }];
  });
}

import { PlanResponsibleRoutes, ResponsibleRoutes, type PlanDto } from '@eduplan/contracts';
import type { GroupReference } from '@eduplan/domain';
import type { BusClient } from '@eduplan/platform';
import type { EventOwners } from './planned-periods';

/**
 * Who owes each event of a plan on a day, from its linked «Ответственные»: named organizations as linked,
 * groups («Центры «Точка роста»») as their active members that day — a center opened mid-year owes from the
 * first period opening after. Strings marked «не отчитывается» owe nothing.
 */
export async function linkedOwners(bus: BusClient, plan: PlanDto, date: string): Promise<EventOwners> {
  const links = await bus.request(PlanResponsibleRoutes.getForService, { id: plan.id });
  const groups = new Map<string, GroupReference>();
  for (const item of links.events.flatMap((e) => e.responsible)) {
    if (item.link?.status === 'resolved' && item.link.method === 'group') groups.set(groupKey(item.link.group), item.link.group);
  }
  const members = new Map<string, string[]>();
  if (groups.size > 0) {
    const keys = [...groups.keys()];
    const found = await bus.request(ResponsibleRoutes.groupMembers, { issuerId: plan.issuerId, date, groups: [...groups.values()] });
    keys.forEach((key, i) => members.set(key, found[i]));
  }
  const owners = new Map<string, string[]>();
  for (const event of links.events) {
    const ids = new Set<string>();
    for (const { link } of event.responsible) {
      if (link?.status !== 'resolved') continue;
      for (const id of link.method === 'group' ? members.get(groupKey(link.group)) ?? [] : link.organizationIds) ids.add(id);
    }
    owners.set(event.eventId, [...ids]);
  }
  return (event) => owners.get(event.id) ?? [];
}

function groupKey(group: GroupReference): string {
  return `${group.kinds.join()}|${group.centerTypes.join()}`;
}

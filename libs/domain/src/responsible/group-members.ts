import type { CenterTypeValue, GroupReference, MatchableOrganization } from './responsible.types';

/** «Кванториум» names the family: stationary, school and mobile technoparks all answer to it. */
const FAMILY: Partial<Record<CenterTypeValue, CenterTypeValue[]>> = {
  kvantorium: ['kvantorium', 'kvantorium_school', 'kvantorium_mobile'],
  it_cube: ['it_cube', 'cdod'],
};

/**
 * The organizations a group reference means on a day: active, of its kinds and center types, answering to the
 * plan's issuer, and existing by then — a center opened mid-year owes reports only for periods opening after.
 */
export function groupMembers(group: GroupReference, organizations: Iterable<MatchableOrganization>, issuerId: string, date: string): MatchableOrganization[] {
  const types = new Set(group.centerTypes.flatMap((type) => FAMILY[type] ?? [type]));
  const members: MatchableOrganization[] = [];
  for (const organization of organizations) {
    if (!organization.active || organization.issuerId !== issuerId || organization.since > date) continue;
    if (!group.kinds.includes(organization.kind)) continue;
    if (organization.kind === 'center' && types.size > 0 && (!organization.centerType || !types.has(organization.centerType))) continue;
    members.push(organization);
  }
  return members;
}

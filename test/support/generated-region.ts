import { CENTER_TYPES, type EventOutcome, type OpenPeriodRequest, type OutcomeCounts } from '@eduplan/contracts';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/**
 * A synthetic region for monitoring at size: `organizations` centers of three types in 20 municipalities, a
 * plan of `events` events in five sections, due every quarter. Even events are owed by every center (a group
 * such as «Центры «Точка роста», «Кванториум»»), odd ones by the «Точка роста» centers only. Nine centers in
 * ten report; outcomes follow (center + event + quarter) % 20, so every count is known without the database.
 */
export interface GeneratedRegion {
  organizations: { id: string; name: string; centerType: string; municipalityId: string }[];
  sections: { id: string; number: string; title: string }[];
  events: { id: string; number: string; title: string; section: { id: string; number: string; title: string } }[];
}

const CENTER_TYPES_USED = CENTER_TYPES.slice(0, 3);

export function generatedRegion(organizations: number, events: number): GeneratedRegion {
  const municipalities = Array.from({ length: 20 }, () => randomUUID());
  const sections = Array.from({ length: 5 }, (_, s) => ({ id: randomUUID(), number: String(s + 1), title: `Направление ${s + 1}` }));
  return {
    organizations: Array.from({ length: organizations }, (_, i) => ({
      id: randomUUID(),
      name: `Центр № ${String(i + 1).padStart(4, '0')}`,
      centerType: CENTER_TYPES_USED[i % 3],
      municipalityId: municipalities[i % municipalities.length],
    })),
    sections,
    events: Array.from({ length: events }, (_, j) => {
      const section = sections[j % sections.length];
      return { id: randomUUID(), number: `${section.number}.${j + 1}`, title: `Мероприятие ${j + 1}`, section };
    }),
  };
}

/** Whether center `i` owes event `j`. */
export const owes = (i: number, j: number) => j % 2 === 0 || i % 3 === 0;
/** Center `i`'s outcome of event `j` in the quarter; null when the center sends no report. */
export function outcomeOf(i: number, j: number, quarter: number): EventOutcome | null {
  if (i % 10 === 9) return null;
  return (['not_held', 'postponed', 'partly'] as const)[(i + j + quarter) % 20] ?? 'held';
}
export const participantsOf = (j: number) => (j % 5) + 1;

/** The opening request the worker sends for a quarter: the plan's events and two sets of owners, not their product. */
export function openRequest(region: GeneratedRegion, orderId: string, issuerId: string, quarter: number): OpenPeriodRequest {
  const start = `2026-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  return {
    orderId,
    planId: randomUUID(),
    year: 2026,
    quarter,
    start,
    end: start.replace(/-01$/, '-28'),
    deadline: '2026-12-31',
    issuerId,
    planTitle: 'Комплексный план мероприятий региона',
    events: region.events.map((event, j) => ({ ...event, owners: [j % 2] })),
    responsibilities: [
      { organizationIds: region.organizations.map((o) => o.id) },
      { organizationIds: region.organizations.filter((_, i) => owes(i, 1)).map((o) => o.id) },
    ],
    organizations: region.organizations,
  };
}

/** Every reporting center's report for the period, stored with two set-based statements (as submitted reports are stored). */
export async function storeGeneratedReports(db: Client, region: GeneratedRegion, periodId: string, quarter: number): Promise<void> {
  const items: { organizationId: string; eventId: string; position: number; outcome: EventOutcome; participants: number }[] = [];
  region.organizations.forEach((organization, i) =>
    region.events.forEach((event, j) => {
      const outcome = outcomeOf(i, j, quarter);
      if (owes(i, j) && outcome) items.push({ organizationId: organization.id, eventId: event.id, position: j, outcome, participants: participantsOf(j) });
    }),
  );
  await db.query(
    `INSERT INTO reporting.reports (period_id, organization_id) SELECT $1, id FROM unnest($2::uuid[]) id`,
    [periodId, [...new Set(items.map((item) => item.organizationId))]],
  );
  await db.query(
    `INSERT INTO reporting.report_items (report_id, period_id, organization_id, event_id, position, outcome, participants, students, teachers, parents, others)
     SELECT r.id, r.period_id, r.organization_id, i.event_id, i.position, i.outcome, i.participants, i.participants, 0, 0, 0
     FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::int[]) AS i(organization_id, event_id, position, outcome, participants)
     JOIN reporting.reports r ON r.period_id = $1 AND r.organization_id = i.organization_id`,
    [periodId, ...(['organizationId', 'eventId', 'position', 'outcome', 'participants'] as const).map((key) => items.map((item) => item[key]))],
  );
}

const zero = (): OutcomeCounts => ({ planned: 0, held: 0, partly: 0, notHeld: 0, postponed: 0, unreported: 0, participants: 0 });
const FIELD = { held: 'held', partly: 'partly', not_held: 'notHeld', postponed: 'postponed' } as const;

/** The counts the region's reports make, by the generator's rules: what PostgreSQL's grouping must give. */
export function expectedCounts(region: GeneratedRegion, quarters: number[]) {
  const total = zero();
  const bySection = new Map<string, OutcomeCounts>();
  const byCenterType = new Map<string, OutcomeCounts>();
  const byOrganization = new Map<string, OutcomeCounts>();
  const exceptionsByEvent = new Map<string, number>();
  for (const quarter of quarters) {
    region.organizations.forEach((organization, i) =>
      region.events.forEach((event, j) => {
        if (!owes(i, j)) return;
        const outcome = outcomeOf(i, j, quarter);
        for (const [map, key] of [[bySection, event.section.id], [byCenterType, organization.centerType], [byOrganization, organization.id]] as const) {
          if (!map.has(key)) map.set(key, zero());
        }
        for (const counts of [total, bySection.get(event.section.id)!, byCenterType.get(organization.centerType)!, byOrganization.get(organization.id)!]) {
          counts.planned += 1;
          if (outcome) {
            counts[FIELD[outcome]] += 1;
            counts.participants += participantsOf(j);
          } else counts.unreported += 1;
        }
        if (outcome !== 'held') exceptionsByEvent.set(event.id, (exceptionsByEvent.get(event.id) ?? 0) + 1);
      }),
    );
  }
  return { total, bySection, byCenterType, byOrganization, exceptionsByEvent };
}

import { EXCEPTION_COMMENTS, EXCEPTION_NAMES, type ClosedPeriodDto, type OutcomeCounts, type PeriodFiguresDto } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';

/** Every due row of the periods (organization × event) with its reported outcome, null when not reported. */
const DUE = `
  SELECT o.period_id, o.organization_id, o.event_id, i.outcome, coalesce(i.participants, 0) AS participants, i.comment,
         e.position, e.number, e.title, e.section_id, e.section_number, e.section_title, g.name, g.center_type, g.municipality_id
  FROM reporting.period_obligations o
  JOIN reporting.period_organizations g ON g.period_id = o.period_id AND g.organization_id = o.organization_id
  LEFT JOIN reporting.period_events e ON e.period_id = o.period_id AND e.event_id = o.event_id
  -- Filtered by period before the join, so the planner hashes the periods' items once instead of probing the
  -- index a hundred thousand times.
  LEFT JOIN (SELECT * FROM reporting.report_items WHERE period_id = ANY($1::uuid[])) i
    ON i.period_id = o.period_id AND i.organization_id = o.organization_id AND i.event_id = o.event_id
  WHERE o.period_id = ANY($1::uuid[])`;

const COUNTS = `
  count(*)::int AS planned,
  count(*) FILTER (WHERE outcome = 'held')::int AS held,
  count(*) FILTER (WHERE outcome = 'partly')::int AS partly,
  count(*) FILTER (WHERE outcome = 'not_held')::int AS "notHeld",
  count(*) FILTER (WHERE outcome = 'postponed')::int AS postponed,
  count(*) FILTER (WHERE outcome IS NULL)::int AS unreported,
  coalesce(sum(participants), 0)::int AS participants`;

/** A comment is cut to this many characters in the figures: a hundred events' comments must fit one reply. */
const COMMENT_CHARS = 300;

const COUNT_KEYS = ['planned', 'held', 'partly', 'notHeld', 'postponed', 'unreported', 'participants'] as const;
const countsOf = (row: OutcomeCounts): OutcomeCounts => Object.fromEntries(COUNT_KEYS.map((key) => [key, row[key]])) as unknown as OutcomeCounts;
export const NO_OUTCOMES: OutcomeCounts = { planned: 0, held: 0, partly: 0, notHeld: 0, postponed: 0, unreported: 0, participants: 0 };

type GroupRow = OutcomeCounts & {
  grouping: number;
  eventId: string | null;
  sectionId: string | null;
  sectionNumber: string | null;
  sectionTitle: string | null;
  organizationId: string | null;
  name: string | null;
  centerType: string | null;
  municipalityId: string | null;
};

const PERIODS = `
  SELECT id, year, quarter, to_char(start, 'YYYY-MM-DD') AS start, to_char("end", 'YYYY-MM-DD') AS "end"
  FROM reporting.periods WHERE id = ANY($1::uuid[]) ORDER BY year, quarter`;

const GROUPS = `
  SELECT GROUPING(section_id, organization_id, center_type, municipality_id, event_id) AS grouping, event_id AS "eventId",
         section_id AS "sectionId", max(section_number) AS "sectionNumber", max(section_title) AS "sectionTitle",
         organization_id AS "organizationId", max(name) AS name, center_type AS "centerType", municipality_id AS "municipalityId",
         ${COUNTS}
  FROM (${DUE}) due
  GROUP BY GROUPING SETS ((), (section_id), (organization_id), (center_type), (municipality_id), (event_id, section_id))`;

const EXCEPTIONS = `
  SELECT event_id AS "eventId", max(number) AS number, coalesce(max(title), event_id::text) AS title,
         count(*) FILTER (WHERE outcome = 'partly')::int AS partly,
         count(*) FILTER (WHERE outcome = 'not_held')::int AS "notHeld",
         count(*) FILTER (WHERE outcome = 'postponed')::int AS postponed,
         count(*) FILTER (WHERE outcome IS NULL)::int AS unreported,
         count(DISTINCT organization_id)::int AS "organizationCount",
         (array_agg(DISTINCT coalesce(name, organization_id::text) ORDER BY coalesce(name, organization_id::text)))[1:${EXCEPTION_NAMES}] AS organizations,
         coalesce((array_agg(DISTINCT left(comment, ${COMMENT_CHARS}) ORDER BY left(comment, ${COMMENT_CHARS}))
                   FILTER (WHERE comment IS NOT NULL))[1:${EXCEPTION_COMMENTS}], '{}') AS comments
  FROM (${DUE}) due
  WHERE outcome IS DISTINCT FROM 'held'
  GROUP BY event_id
  ORDER BY min(position), max(number), event_id`;

type Grouped = Omit<PeriodFiguresDto, 'periods' | 'exceptions'>;

/**
 * The periods' outcomes grouped in PostgreSQL: in total, by section of the plan («направление»), by
 * organization, by center type, by municipality and by event (one scan, grouping sets).
 */
export async function groupedFigures(m: EntityManager, periodIds: string[]): Promise<Grouped> {
  const groups = (await m.query(GROUPS, [periodIds])) as GroupRow[];
  // GROUPING() sets a bit for each column left out of the row's set: 0b01111 is by section, 0b10111 by organization…
  const of = (bits: number) => groups.filter((row) => row.grouping === bits);
  return {
    total: of(0b11111)[0] ? countsOf(of(0b11111)[0]) : NO_OUTCOMES,
    sections: of(0b01111).map((row) => ({ sectionId: row.sectionId, number: row.sectionNumber, title: row.sectionTitle, ...countsOf(row) })),
    organizations: of(0b10111)
      .map((row) => ({ organizationId: row.organizationId!, name: row.name, ...countsOf(row) }))
      .sort((a, b) => (a.name ?? a.organizationId).localeCompare(b.name ?? b.organizationId, 'ru')),
    centerTypes: of(0b11011).map((row) => ({ centerType: row.centerType, ...countsOf(row) })),
    municipalities: of(0b11101).map((row) => ({ municipalityId: row.municipalityId, ...countsOf(row) })),
    events: of(0b01110).map((row) => ({ eventId: row.eventId!, sectionId: row.sectionId, ...countsOf(row) })),
  };
}

/**
 * The figures a memo is rendered from: the grouped outcomes, and the events not held everywhere with counts, the
 * first names of the organizations concerned and the first of their comments.
 */
export async function periodFigures(m: EntityManager, periodIds: string[]): Promise<PeriodFiguresDto> {
  // Independent reads: outside a transaction each takes its own pooled connection, so they run side by side.
  const [periods, grouped, exceptions] = await Promise.all([
    m.query(PERIODS, [periodIds]) as Promise<PeriodFiguresDto['periods']>,
    groupedFigures(m, periodIds),
    m.query(EXCEPTIONS, [periodIds]) as Promise<PeriodFiguresDto['exceptions']>,
  ]);
  return { periods, ...grouped, exceptions };
}

const BY_PERIOD = `
  SELECT period_id AS "periodId", ${COUNTS} FROM (${DUE}) due GROUP BY period_id`;

/** Each period's outcomes in total (one scan of the periods' due rows): the dynamics quarter by quarter. */
export async function countsByPeriod(m: EntityManager, periodIds: string[]): Promise<Map<string, OutcomeCounts>> {
  const rows = (await m.query(BY_PERIOD, [periodIds])) as (OutcomeCounts & { periodId: string })[];
  return new Map(rows.map((row) => [row.periodId, countsOf(row)]));
}

/** What closing a period answers: organizations expected and reported, and the outcomes in total. */
export async function closedCounts(m: EntityManager, periodId: string): Promise<ClosedPeriodDto> {
  const [total]: OutcomeCounts[] = await m.query(`SELECT ${COUNTS} FROM (${DUE}) due`, [[periodId]]);
  const [{ expected, submitted }] = await m.query(
    `SELECT (SELECT count(*) FROM reporting.period_organizations WHERE period_id = $1)::int AS expected,
            (SELECT count(*) FROM reporting.reports WHERE period_id = $1)::int AS submitted`,
    [periodId],
  );
  return { periodId, expected, submitted, total: countsOf(total) };
}

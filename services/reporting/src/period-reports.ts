import type { PeriodReportRowDto, Page, periodReportsRequest } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';

type Filter = Pick<z.output<typeof periodReportsRequest>, 'periodId' | 'status' | 'limit' | 'offset'>;

interface Row {
  organization_id: string;
  name: string | null;
  due_events: number;
  report_id: string | null;
  submitted_at: Date | null;
  held: number | null;
  total: string;
}

/**
 * Every organization a period expects, beside its report, in one query where the rows are: the period's
 * organizations with their obligations counted, joined to their reports by the (period, organization) unique
 * index. Those still owing come first, then the latest reports; only the page crosses the wire.
 */
const LISTED = `
  WITH owed AS (
    SELECT g.organization_id, g.name,
           (SELECT count(*) FROM reporting.period_obligations o WHERE o.period_id = $1 AND o.organization_id = g.organization_id)::int AS due_events
    FROM reporting.period_organizations g
    WHERE g.period_id = $1
  ), listed AS (
    SELECT o.organization_id, o.name, o.due_events, r.id AS report_id, r.submitted_at
    FROM owed o LEFT JOIN reporting.reports r ON r.period_id = $1 AND r.organization_id = o.organization_id
    WHERE $2 = 'all' OR ($2 = 'submitted') = (r.id IS NOT NULL)
  )`;

const PAGE_SQL = `${LISTED}
  SELECT organization_id, name, due_events, report_id, submitted_at,
    CASE WHEN report_id IS NULL THEN NULL
      ELSE (SELECT count(*)::int FROM reporting.report_items i WHERE i.report_id = listed.report_id AND i.outcome IN ('held', 'partly')) END AS held,
    count(*) OVER () AS total
  FROM listed
  ORDER BY submitted_at DESC NULLS FIRST, organization_id
  LIMIT $3 OFFSET $4`;

const COUNT_SQL = `${LISTED} SELECT count(*) AS total FROM listed`;

export async function periodReportsPage(m: EntityManager, { periodId, status, limit, offset }: Filter): Promise<Page<PeriodReportRowDto>> {
  const rows = (await m.query(PAGE_SQL, [periodId, status, limit, offset])) as Row[];
  // A page past the end has no row to carry the count: asked for once more without the window.
  const total = rows.length ? rows[0].total : offset === 0 ? '0' : ((await m.query(COUNT_SQL, [periodId, status])) as { total: string }[])[0].total;
  return {
    total: Number(total),
    items: rows.map((row) => ({
      organizationId: row.organization_id,
      name: row.name,
      dueEvents: row.due_events,
      reportId: row.report_id,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      held: row.held,
    })),
  };
}

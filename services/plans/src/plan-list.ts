import type { OrderStatus, Page, PlanStatus, PlanSummaryDto, PLAN_SORTS } from '@eduplan/contracts';
import { likeEscaped } from '@eduplan/platform';
import type { EntityManager } from 'typeorm';
import { planStatusOf, planStatusRank, planStatusRankSql } from './versions/plan-status';

interface PlanListRow {
  id: string;
  title: string;
  issuer_id: string;
  period_start: string;
  period_end: string;
  version: number;
  created_at: Date;
  section_count: number;
  event_count: number;
  order_statuses: OrderStatus[];
  total: number;
}

/** A page of plans of the given issuers (`null`: of every issuer), searched, narrowed and ordered as asked. */
export interface PlanListRequest {
  issuerIds: string[] | null;
  q?: string;
  year?: number;
  status?: PlanStatus;
  sort: (typeof PLAN_SORTS)[number];
  dir?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** Sort keys as columns of `listed`; each ends with the id so pages never overlap. */
const SORT_COLUMNS: Record<PlanListRequest['sort'], string> = {
  created: 'created_at',
  title: 'lower(title)',
  period: 'period_start',
  status: 'status_rank',
};

/**
 * One query for a page of plans with their counts and status, so the list does not load any plan's events. The
 * status a plan stands at is computed in SQL from its orders by the same rule as `planStatusOf`, so it can be
 * filtered and sorted on before the page is cut.
 */
export async function listPlans(manager: EntityManager, request: PlanListRequest): Promise<Page<PlanSummaryDto>> {
  const words = request.q?.toLowerCase();
  const parameters = [
    request.issuerIds,
    words ? `%${likeEscaped(words)}%` : null,
    request.year ?? null,
    request.status ? planStatusRank(request.status) : null,
  ];
  const listed = `
    WITH listed AS (
      SELECT p.*, ${planStatusRankSql('p')} AS status_rank
        FROM plans.plans p
       WHERE ($1::uuid[] IS NULL OR p.issuer_id = ANY($1::uuid[]))
         AND ($2::text IS NULL OR lower(p.title) LIKE $2)
         AND ($3::int IS NULL OR (p.period_start <= make_date($3, 12, 31) AND p.period_end >= make_date($3, 1, 1))))
    SELECT * FROM listed WHERE $4::int IS NULL OR status_rank = $4`;
  const dir = (request.dir ?? (request.sort === 'created' ? 'desc' : 'asc')).toUpperCase();
  const rows: PlanListRow[] = await manager.query(
    `SELECT p.id, p.title, p.issuer_id, p.period_start::text, p.period_end::text, p.version, p.created_at,
            (SELECT count(*)::int FROM plans.sections s WHERE s.plan_id = p.id) AS section_count,
            (SELECT count(*)::int FROM plans.events e JOIN plans.sections s ON s.id = e.section_id WHERE s.plan_id = p.id) AS event_count,
            ARRAY(SELECT o.status FROM plans.orders o WHERE o.plan_id = p.id AND o.status <> 'cancelled') AS order_statuses,
            count(*) OVER ()::int AS total
       FROM (${listed}) p
      ORDER BY ${SORT_COLUMNS[request.sort]} ${dir}, p.id
      LIMIT $5 OFFSET $6`,
    [...parameters, request.limit, request.offset],
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      issuerId: row.issuer_id,
      period: { start: row.period_start, end: row.period_end },
      version: row.version,
      status: planStatusOf(row.order_statuses),
      sectionCount: row.section_count,
      eventCount: row.event_count,
      createdAt: row.created_at.toISOString(),
    })),
    // A page past the end has no rows to carry the total.
    total: rows[0]?.total ?? (await manager.query(`SELECT count(*)::int AS total FROM (${listed}) p`, parameters))[0].total,
  };
}

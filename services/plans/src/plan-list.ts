import type { OrderStatus, Page, PlanSummaryDto } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';
import { planStatusOf } from './versions/plan-status';

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

/** A page of plans of the given issuers (`null`: of every issuer). */
export interface PlanListRequest {
  issuerIds: string[] | null;
  limit: number;
  offset: number;
}

/** One query for a page of plans with their counts and status, so the list does not load any plan's events. */
export async function listPlans(manager: EntityManager, request: PlanListRequest): Promise<Page<PlanSummaryDto>> {
  const rows: PlanListRow[] = await manager.query(
    `SELECT p.id, p.title, p.issuer_id, p.period_start::text, p.period_end::text, p.version, p.created_at,
            (SELECT count(*)::int FROM plans.sections s WHERE s.plan_id = p.id) AS section_count,
            (SELECT count(*)::int FROM plans.events e JOIN plans.sections s ON s.id = e.section_id WHERE s.plan_id = p.id) AS event_count,
            ARRAY(SELECT o.status FROM plans.orders o WHERE o.plan_id = p.id AND o.status <> 'cancelled') AS order_statuses,
            count(*) OVER ()::int AS total
       FROM plans.plans p
      WHERE $1::uuid[] IS NULL OR p.issuer_id = ANY($1::uuid[])
      ORDER BY p.created_at DESC, p.id
      LIMIT $2 OFFSET $3`,
    [request.issuerIds, request.limit, request.offset],
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
    total: rows[0]?.total ?? (await countPlans(manager, request.issuerIds)),
  };
}

/** A page past the end has no rows to carry the total. */
async function countPlans(manager: EntityManager, issuerIds: string[] | null): Promise<number> {
  const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM plans.plans WHERE $1::uuid[] IS NULL OR issuer_id = ANY($1::uuid[])`, [issuerIds]);
  return total;
}

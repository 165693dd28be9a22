import { holdsRole, type Actor, type OwedPeriodDto, type ReportingTasksDto, type TaskList } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';

interface OwedRow {
  id: string;
  order_id: string;
  plan_title: string | null;
  year: number;
  quarter: number;
  deadline: string;
  missing: number;
  total: number;
}

const none: TaskList<OwedPeriodDto> = { count: 0, items: [] };

/**
 * What the reporting side of «Мои задачи» holds for the actor, counted in SQL with only `limit` rows brought back.
 * A reporter: the open periods their organization owes and has not reported on (found through
 * `period_organizations`' index on the organization), and those of them past the deadline. An analyst: their ministry's open periods past the deadline
 * in which some organization has not reported.
 */
export async function reportingTasks(manager: EntityManager, actor: Actor, today: string, limit: number): Promise<ReportingTasksDto> {
  const organizationId = actor.organizationId;
  if (!organizationId) return { toReport: none, overdue: none };
  if (holdsRole(actor, ['reporter'])) {
    const owed = (pastDeadline: boolean) =>
      page(
        manager,
        `SELECT p.id, p.order_id, p.plan_title, p.year, p.quarter, p.deadline::text, 1 AS missing, count(*) OVER ()::int AS total
           FROM reporting.periods p
           JOIN reporting.period_organizations o ON o.period_id = p.id AND o.organization_id = $1
          WHERE p.status = 'open' AND (NOT $2 OR p.deadline < $3::date)
            AND NOT EXISTS (SELECT 1 FROM reporting.reports r WHERE r.period_id = p.id AND r.organization_id = $1)
          ORDER BY p.deadline, p.id LIMIT $4`,
        [organizationId, pastDeadline, today, limit],
      );
    const [toReport, overdue] = await Promise.all([owed(false), owed(true)]);
    return { toReport, overdue };
  }
  const overdue = await page(
    manager,
    `SELECT id, order_id, plan_title, year, quarter, deadline::text, missing, count(*) OVER ()::int AS total
       FROM (SELECT p.*, (SELECT count(*) FROM reporting.period_organizations o WHERE o.period_id = p.id)::int
                         - (SELECT count(*) FROM reporting.reports r WHERE r.period_id = p.id)::int AS missing
               FROM reporting.periods p
              WHERE p.status = 'open' AND p.issuer_id = $1 AND p.deadline < $2::date) late
      WHERE missing > 0
      ORDER BY deadline, id LIMIT $3`,
    [organizationId, today, limit],
  );
  return { toReport: none, overdue };
}

async function page(manager: EntityManager, sql: string, parameters: unknown[]): Promise<TaskList<OwedPeriodDto>> {
  const rows: OwedRow[] = await manager.query(sql, parameters);
  // The window count rides on the rows; with none returned there is nothing to count either (limit is at least 1).
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      periodId: row.id,
      orderId: row.order_id,
      planTitle: row.plan_title,
      year: row.year,
      quarter: row.quarter,
      deadline: row.deadline,
      missing: row.missing,
    })),
  };
}

import type { OverdueOrganizationDto, PeriodOverdueDto, PeriodStandingDto } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';
import type { ReportingPeriodEntity } from './reporting-period.entity';

/** An organization of the period without a report (reports are unique per period and organization). */
const WITHOUT_REPORT = `NOT EXISTS (SELECT 1 FROM reporting.reports r WHERE r.period_id = o.period_id AND r.organization_id = o.organization_id)`;

/**
 * The organizations of a period that have not reported, in id order after `after`: the worker pages through
 * them by the primary key (period_id, organization_id), so a region's thousands never cross the bus at once.
 */
export async function owingOrganizationIds(m: EntityManager, periodId: string, after: string | undefined, limit: number): Promise<string[]> {
  const rows: { organization_id: string }[] = await m.query(
    `SELECT o.organization_id FROM reporting.period_organizations o
      WHERE o.period_id = $1 AND ($2::uuid IS NULL OR o.organization_id > $2::uuid) AND ${WITHOUT_REPORT}
      ORDER BY o.organization_id LIMIT $3`,
    [periodId, after ?? null, limit],
  );
  return rows.map((row) => row.organization_id);
}

/** How many organizations the period expects and how many of them have not reported, counted where the rows are. */
async function counts(m: EntityManager, periodId: string): Promise<{ expected: number; missing: number }> {
  const [row] = await m.query(
    `SELECT count(*)::int AS expected, count(*) FILTER (WHERE ${WITHOUT_REPORT})::int AS missing
       FROM reporting.period_organizations o WHERE o.period_id = $1`,
    [periodId],
  );
  return row;
}

export async function periodStanding(m: EntityManager, period: ReportingPeriodEntity): Promise<PeriodStandingDto> {
  const { id, orderId, issuerId, planTitle, year, quarter, deadline } = period;
  return { periodId: id, orderId, issuerId, planTitle, year, quarter, deadline, ...(await counts(m, id)) };
}

/**
 * Past the deadline, the organizations still without a report and by how many calendar days they are late on
 * `today` (the issuer's day); before it nobody is late and the page is empty. A closed period takes no more
 * reports, so those it lists stay late and their days keep growing. Only the page crosses the wire.
 */
export async function periodOverdue(m: EntityManager, period: ReportingPeriodEntity, today: string, limit: number, offset: number): Promise<PeriodOverdueDto> {
  const { expected, missing } = await counts(m, period.id);
  const rows: { organization_id: string; name: string | null; due_events: number; days_late: number }[] = await m.query(
    `SELECT o.organization_id, o.name, ($2::date - $3::date)::int AS days_late,
            (SELECT count(*) FROM reporting.period_obligations b WHERE b.period_id = o.period_id AND b.organization_id = o.organization_id)::int AS due_events
       FROM reporting.period_organizations o
      WHERE o.period_id = $1 AND $2::date > $3::date AND ${WITHOUT_REPORT}
      ORDER BY o.name NULLS LAST, o.organization_id
      LIMIT $4 OFFSET $5`,
    [period.id, today, period.deadline, limit, offset],
  );
  const items: OverdueOrganizationDto[] = rows.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    dueEvents: row.due_events,
    daysLate: row.days_late,
  }));
  return { deadline: period.deadline, expected, total: today > period.deadline ? missing : 0, items };
}

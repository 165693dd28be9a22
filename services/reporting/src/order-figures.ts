import type { OrderFiguresDto, orderMonitoringRequest } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { countsByPeriod, groupedFigures, NO_OUTCOMES } from './period-figures';
import type { ReportingPeriodEntity } from './reporting-period.entity';

type Request = Pick<z.output<typeof orderMonitoringRequest>, 'orderId' | 'periodId' | 'limit' | 'offset'>;

const REPORTED = `
  SELECT p.id AS "periodId",
         (SELECT count(*) FROM reporting.period_organizations g WHERE g.period_id = p.id)::int AS "organizationCount",
         (SELECT count(*) FROM reporting.reports r WHERE r.period_id = p.id)::int AS "reportedCount"
  FROM reporting.periods p WHERE p.id = ANY($1::uuid[])`;

/** The share of an organization's due events held, fully or partly: the dashboard lists the smallest first. */
const heldShare = (row: { planned: number; held: number; partly: number }) => (row.planned ? (row.held + row.partly) / row.planned : 1);

/**
 * An order's dashboard: the chosen period's figures (or all its periods'), grouped in PostgreSQL, with one page of
 * the organizations, and each period's totals for the dynamics. `periods` are the order's, oldest first.
 */
export async function orderFigures(m: EntityManager, periods: ReportingPeriodEntity[], request: Request): Promise<OrderFiguresDto> {
  const all = periods.map((period) => period.id);
  const chosen = request.periodId ? [request.periodId] : all;
  if (chosen.length === 0) {
    const empty = { items: [], total: 0 };
    return { orderId: request.orderId, periodId: null, quarters: [], total: NO_OUTCOMES, sections: [], centerTypes: [], municipalities: [], organizations: empty };
  }
  const [grouped, byPeriod, reported] = await Promise.all([
    groupedFigures(m, chosen),
    countsByPeriod(m, all),
    m.query(REPORTED, [all]) as Promise<{ periodId: string; organizationCount: number; reportedCount: number }[]>,
  ]);
  const reportedOf = new Map(reported.map((row) => [row.periodId, row]));
  // Sorted by name already: a stable sort keeps names in order within an equal share.
  const organizations = [...grouped.organizations].sort((a, b) => heldShare(a) - heldShare(b));
  return {
    orderId: request.orderId,
    periodId: request.periodId ?? null,
    quarters: periods.map((period) => ({
      periodId: period.id,
      year: period.year,
      quarter: period.quarter,
      deadline: period.deadline,
      status: period.status,
      organizationCount: reportedOf.get(period.id)?.organizationCount ?? 0,
      reportedCount: reportedOf.get(period.id)?.reportedCount ?? 0,
      ...(byPeriod.get(period.id) ?? NO_OUTCOMES),
    })),
    total: grouped.total,
    sections: grouped.sections,
    centerTypes: grouped.centerTypes,
    municipalities: grouped.municipalities,
    organizations: { items: organizations.slice(request.offset, request.offset + request.limit), total: organizations.length },
  };
}

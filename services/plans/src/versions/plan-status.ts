import type { OrderStatus, PlanStatus } from '@eduplan/contracts';

const BY_ORDER: Record<OrderStatus, PlanStatus> = {
  draft: 'draft',
  returned: 'draft',
  cancelled: 'draft',
  on_approval: 'on_approval',
  approved: 'on_approval',
  signing: 'on_approval',
  signed: 'in_force',
  in_force: 'in_force',
  final_report: 'in_force',
  amended: 'in_force',
  closed: 'closed',
};

const RANK: Record<PlanStatus, number> = { draft: 0, on_approval: 1, in_force: 2, closed: 3 };

/**
 * A plan stands where the furthest of the orders approving it stands; with no order it is a draft. A new
 * draft order on a plan already in force therefore does not turn the plan back into a draft.
 */
export function planStatusOf(orderStatuses: readonly OrderStatus[]): PlanStatus {
  return orderStatuses.map((s) => BY_ORDER[s]).reduce<PlanStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'draft');
}

/** The same rule in SQL: the rank (`RANK`) of the plan `plan` stands at, for filtering and sorting a list where the rows are. */
export function planStatusRankSql(plan: string): string {
  const cases = Object.entries(BY_ORDER)
    .filter(([, status]) => RANK[status] > 0)
    .map(([order, status]) => `WHEN '${order}' THEN ${RANK[status]}`)
    .join(' ');
  return `(SELECT coalesce(max(CASE o.status ${cases} ELSE 0 END), 0) FROM plans.orders o WHERE o.plan_id = ${plan}.id)`;
}

export const planStatusRank = (status: PlanStatus): number => RANK[status];

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

/** A plan stands where the latest order approving it stands; with no order it is a draft. */
export function planStatusOf(latestOrder: OrderStatus | null): PlanStatus {
  return latestOrder === null ? 'draft' : BY_ORDER[latestOrder];
}

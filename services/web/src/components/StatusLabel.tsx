import { Label, type LabelProps } from '@gravity-ui/uikit';
import type { OrderStatus } from '../api/types';
import { ORDER_STATUS_LABEL } from '../i18n/labels';

const THEME: Record<OrderStatus, LabelProps['theme']> = {
  draft: 'normal',
  on_approval: 'info',
  returned: 'warning',
  approved: 'success',
  signing: 'info',
  signed: 'success',
  in_force: 'success',
  final_report: 'info',
  closed: 'unknown',
  cancelled: 'unknown',
  amended: 'unknown',
};

/** The kit's Label keeps no data attributes, so the status a script or a test reads is on its wrapper. */
export function OrderStatusLabel({ status }: { status: OrderStatus }) {
  return (
    <span className="order-status" data-status={status}>
      <Label theme={THEME[status]}>{ORDER_STATUS_LABEL[status]}</Label>
    </span>
  );
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Me, Order } from '../../api/types';
import { awaitsDecisionOf, isSignatoryOf, personOf } from '../../auth/acting-user';
import { hasRole } from '../../auth/use-me';
import { today } from '../../format';
import { useMonitoredOrders } from '../shared/monitored';
import { useDuePeriods } from '../shared/queries';

/** A quarter's reports someone still owes, as the start page lists it. */
export interface OwedPeriod {
  periodId: string;
  orderId: string;
  /** The order's title for the ministry, the plan's for a center (a reporter does not read orders). */
  title: string;
  year: number;
  quarter: number;
  deadline: string;
  overdue: boolean;
}

/**
 * What waits for the signed-in person: orders to decide on, to sign, to register, to revise; reports to file and
 * those overdue. Read from the orders and their states (the API has no inbox route yet).
 */
export function useMyWork(me: Me) {
  const ministry = me.roles.some((role) => role !== 'reporter');
  const mine = personOf(me);
  const orders = useQuery({
    queryKey: ['my-work', mine],
    enabled: ministry,
    queryFn: async () => {
      const get = (status: Order['status']) => ok(api.GET('/api/orders', { params: { query: { status, limit: 100 } } })).then((page) => page.items);
      const [onApproval, signing, signed, returned] = await Promise.all([get('on_approval'), get('signing'), get('signed'), get('returned')]);
      const states = hasRole(me, 'approver') ? await Promise.all(onApproval.map((o) => ok(api.GET('/api/orders/{id}/state', { params: { path: { id: o.id } } })))) : [];
      return {
        toDecide: onApproval.filter((_, i) => states[i] && awaitsDecisionOf(states[i], mine)),
        toSign: hasRole(me, 'signatory') ? signing.filter((o) => isSignatoryOf(o, mine)) : [],
        toRegister: hasRole(me, 'registrar') ? signed.filter((o) => !o.registrationNumber) : [],
        toRevise: hasRole(me, 'editor') ? returned : [],
      };
    },
    refetchInterval: 30_000,
  });
  const due = useDuePeriods(hasRole(me, 'reporter'));
  const toReport: OwedPeriod[] = (due.data ?? [])
    .filter((p) => p.reportId === null)
    .map((p) => ({ periodId: p.id, orderId: p.orderId, title: p.planTitle ?? 'План без названия', year: p.year, quarter: p.quarter, deadline: p.deadline, overdue: p.deadline < today() }));
  // The analyst watches every center: a period past its deadline with reports missing.
  const monitored = useMonitoredOrders(hasRole(me, 'analyst'));
  const late: OwedPeriod[] = (monitored.data ?? []).flatMap(({ order, periods }) =>
    periods
      .filter((p) => p.status === 'open' && p.deadline < today() && p.expected.some((e) => !e.submitted))
      .map((p) => ({ periodId: p.id, orderId: order.id, title: order.title, year: p.year, quarter: p.quarter, deadline: p.deadline, overdue: true })),
  );
  return { orders, due, monitored, toReport, overdue: [...toReport.filter((p) => p.overdue), ...late] };
}

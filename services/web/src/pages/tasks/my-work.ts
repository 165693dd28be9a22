import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Me, Order, OrderState, ReportingPeriod } from '../../api/types';
import { actingUserId } from '../../auth/acting-user';
import { hasRole } from '../../auth/use-me';
import { today } from '../../format';
import { useMonitoredOrders } from '../shared/monitored';

export interface DuePeriod {
  order: Order;
  period: ReportingPeriod;
  overdue: boolean;
}

const awaitsMe = (state: OrderState, me: string) =>
  state.stages.some(
    (s) =>
      s.status === 'active' &&
      s.approvers.some((a) => a.userId === me || a.substitutes.some((x) => x.userId === me)) &&
      !s.decisions.some((d) => d.round === state.round && (d.userId === me || d.actingFor === me)),
  );

/**
 * What waits for the signed-in person: orders to decide on, to sign, to register, to revise; reports to file and
 * those overdue. Read from the orders and their states (the API has no inbox route yet).
 */
export function useMyWork(me: Me) {
  const ministry = me.roles.some((role) => role !== 'reporter');
  const mine = actingUserId(me);
  const orders = useQuery({
    queryKey: ['my-work', mine],
    enabled: ministry,
    queryFn: async () => {
      const get = (status: Order['status']) => ok(api.GET('/api/orders', { params: { query: { status, limit: 100 } } })).then((page) => page.items);
      const [onApproval, signing, signed, returned] = await Promise.all([get('on_approval'), get('signing'), get('signed'), get('returned')]);
      const states = hasRole(me, 'approver') ? await Promise.all(onApproval.map((o) => ok(api.GET('/api/orders/{id}/state', { params: { path: { id: o.id } } })))) : [];
      return {
        toDecide: onApproval.filter((_, i) => states[i] && awaitsMe(states[i], mine)),
        toSign: hasRole(me, 'signatory') ? signing.filter((o) => o.signatory.userId === mine) : [],
        toRegister: hasRole(me, 'registrar') ? signed.filter((o) => !o.registrationNumber) : [],
        toRevise: hasRole(me, 'editor') ? returned : [],
      };
    },
    refetchInterval: 30_000,
  });
  const monitored = useMonitoredOrders(hasRole(me, 'reporter', 'analyst'));
  const organizationId = me.organization?.id;
  const due: DuePeriod[] = (monitored.data ?? []).flatMap(({ order, periods }) =>
    periods
      .filter((p) => p.status === 'open')
      .flatMap((period) => {
        const waiting = period.expected.filter((e) => !e.submitted && (hasRole(me, 'analyst') || e.organizationId === organizationId));
        return waiting.length > 0 ? [{ order, period, overdue: period.deadline < today() }] : [];
      }),
  );
  return { orders, monitored, toReport: hasRole(me, 'reporter') ? due : [], overdue: due.filter((d) => d.overdue) };
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Order, ReportingPeriod } from '../../api/types';

/** Orders whose plans are being carried out and reported on, and those closed (their memos stay to be read). */
const MONITORED: Order['status'][] = ['in_force', 'final_report', 'closed'];

export interface MonitoredOrder {
  order: Order;
  periods: ReportingPeriod[];
}

/**
 * Every order under monitoring with its reporting periods. The API has no «periods of my organization» route yet,
 * so this reads the orders in force and their periods (a region has a handful at a time).
 */
export function useMonitoredOrders(enabled = true) {
  return useQuery({
    queryKey: ['monitored-orders'],
    enabled,
    queryFn: async (): Promise<MonitoredOrder[]> => {
      const pages = await Promise.all(MONITORED.map((status) => ok(api.GET('/api/orders', { params: { query: { status, limit: 100 } } }))));
      const orders = pages.flatMap((page) => page.items);
      return Promise.all(orders.map(async (order) => ({ order, periods: await ok(api.GET('/api/orders/{id}/periods', { params: { path: { id: order.id } } })) })));
    },
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Order } from '../../api/types';

/** Orders whose plans are being carried out and reported on, and those closed (their memos stay to be read). */
const MONITORED: Order['status'][] = ['in_force', 'final_report', 'closed'];

/** Every order under monitoring (a region has a handful at a time); their figures are the dashboard's route's. */
export function useMonitoredOrders(enabled = true) {
  return useQuery({
    queryKey: ['monitored-orders'],
    enabled,
    queryFn: async (): Promise<Order[]> => {
      const pages = await Promise.all(MONITORED.map((status) => ok(api.GET('/api/orders', { params: { query: { status, limit: 100 } } }))));
      return pages.flatMap((page) => page.items);
    },
  });
}

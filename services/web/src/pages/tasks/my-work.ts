import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** How many items of each list the start page shows; the counters are always whole. */
export const SHOWN_PER_LIST = 20;

/**
 * What waits for the signed-in person, as the server answers it (`GET /api/tasks`): orders to decide on, to sign,
 * to register, to revise; reports to file and those overdue. Re-read every half minute, as decisions of others
 * move orders onto this person's lists.
 */
export function useMyWork() {
  return useQuery({
    queryKey: ['my-work'],
    queryFn: () => ok(api.GET('/api/tasks', { params: { query: { limit: SHOWN_PER_LIST } } })),
    refetchInterval: 30_000,
  });
}

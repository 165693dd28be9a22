import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';

/** How often the bell asks for new notices: a person waiting for a decision sees it within a minute. */
const REFRESH_MS = 60_000;

/** A page of the signed-in person's notices, newest first, with the unread count. */
export function useNotifications(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['notifications', page, pageSize],
    queryFn: () => ok(api.GET('/api/notifications', { params: { query: { limit: pageSize, offset: (page - 1) * pageSize } } })),
    refetchInterval: REFRESH_MS,
  });
}

/** The unread count for the bell (the newest notice comes along, nothing more). */
export function useUnreadCount() {
  return useNotifications(1, 1).data?.unread;
}

/** Marks one notice, or all, read; every list and the bell are asked again. */
export function useMarkRead() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const one = useMutation({ mutationFn: (id: string) => ok(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })), onSuccess: refresh });
  const all = useMutation({ mutationFn: () => ok(api.POST('/api/notifications/read-all')), onSuccess: refresh });
  return { one, all };
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { DuePeriod } from '../../api/types';

/** The organizations that issue plans and orders (searched: the registry may hold thousands of centers). */
export function useMinistries() {
  return useQuery({
    queryKey: ['ministries'],
    queryFn: async () => (await ok(api.GET('/api/organizations/search', { params: { query: { kind: 'ministry', status: 'all', limit: 200 } } }))).items,
    staleTime: 60_000,
  });
}

export function useOrganization(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: () => ok(api.GET('/api/organizations/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** Every organization's short name by id, for lists that show reporters and responsible organizations. */
export function useOrganizationNames() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => new Map((await ok(api.GET('/api/organizations'))).map((o) => [o.id, o.shortName ?? o.name])),
    staleTime: 60_000,
  });
}

/** An organization's staff, for choosing approvers and the signatory. */
export function usePeople(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: ['people', organizationId],
    queryFn: () => ok(api.GET('/api/organizations/{id}/people', { params: { path: { id: organizationId! }, query: { status: 'active' } } })),
    enabled: Boolean(organizationId),
  });
}

export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: ['plan', planId],
    queryFn: () => ok(api.GET('/api/plans/{id}', { params: { path: { id: planId! } } })),
    enabled: Boolean(planId),
  });
}

/** The open periods the reporter's organization owes, with its events in each (`GET /api/reports/due`). */
export function useDuePeriods(enabled = true) {
  return useQuery({
    queryKey: ['due-periods'],
    enabled,
    queryFn: async (): Promise<DuePeriod[]> => (await ok(api.GET('/api/reports/due', { params: { query: { limit: 100 } } }))).items,
  });
}

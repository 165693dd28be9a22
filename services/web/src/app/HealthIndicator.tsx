import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Health } from '../api/types';

const REFRESH_MS = 15_000;

/** The whole system in one word in the header; its page names every part. A 503 still carries the report. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: async (): Promise<Health> => {
      const { data, error } = await api.GET('/health');
      return data ?? (error as unknown as Health);
    },
    refetchInterval: REFRESH_MS,
  });
}

export function HealthIndicator() {
  const health = useHealth();
  const status = health.error ? 'down' : health.data?.status;
  const text = status === 'up' ? 'Система работает' : status === 'down' ? 'Есть сбои' : 'Проверка системы…';
  return (
    <Link className="health" id="health-indicator" to="/system" data-status={status ?? 'unknown'}>
      <span className="dot" aria-hidden="true" />
      {text}
    </Link>
  );
}

import { useSearchParams } from 'react-router';

/**
 * A list's search, filters and page kept in the address (`?issuerId=…&page=2`), so a reload, a link or «Назад»
 * shows the same list. Setting a filter goes back to the first page.
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const set = (changes: Partial<Record<K | 'page', string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!('page' in changes)) next.delete('page');
        for (const [key, value] of Object.entries(changes) as [string, string][]) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { values, page, set, setPage: (to: number) => set({ page: to > 1 ? String(to) : '' } as Partial<Record<K | 'page', string>>) };
}

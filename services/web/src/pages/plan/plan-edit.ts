import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan } from '../../api/types';

/**
 * One edit of the plan: it is made on the version shown (`baseVersion`), and the plan it answers replaces the one
 * shown; an edit on an old version is refused with what changed meanwhile (409), and the page reloads the plan.
 */
export function usePlanEdit<A>(plan: Plan, edit: (baseVersion: number, args: A) => Promise<Plan>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => edit(plan.version, args),
    onSuccess: (next) => {
      client.setQueryData(['plan', plan.id], next);
      void client.invalidateQueries({ queryKey: ['plan-responsible', plan.id] });
      void client.invalidateQueries({ queryKey: ['plan-versions', plan.id] });
    },
    onError: () => void client.invalidateQueries({ queryKey: ['plan', plan.id] }),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { OrderState } from '../../api/types';
import { undecidedApprovers } from '../../auth/acting-user';
import { today } from '../../format';

export interface AbsentApprover {
  personId: string;
  name: string;
}

/**
 * The approvers of the active stage, yet to decide, whom the person stands in for today: substitutions are the
 * registry's (`GET /api/people/:id/may-act`), so a substitute gets the decision form too, deciding for them.
 */
export function useStandingIn(state: OrderState | null | undefined, personId: string | null) {
  const others = (state ? undecidedApprovers(state) : []).filter((a) => a.personId !== personId);
  return useQuery({
    queryKey: ['standing-in', state?.orderId, state?.round, personId, others.map((a) => a.personId)],
    enabled: personId !== null && others.length > 0,
    queryFn: async (): Promise<AbsentApprover[]> => {
      const answers = await Promise.all(
        others.map((a) => ok(api.GET('/api/people/{id}/may-act', { params: { path: { id: a.personId }, query: { actor: personId!, date: today() } } }))),
      );
      return others.filter((_, i) => answers[i].allowed && answers[i].as === 'substitute').map(({ personId: id, name }) => ({ personId: id, name }));
    },
  });
}

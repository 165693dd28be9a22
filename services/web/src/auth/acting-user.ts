import type { Me, Order, OrderState, Stage } from '../api/types';

/**
 * The signed-in person as the order workflow knows them: their registry person (`GET /api/auth/me` personId). An
 * account not linked to a person is never an approver or a signatory, so it has nothing to decide or sign.
 */
export const personOf = (me: Me): string | null => me.personId;

/** The approvers of the active stage who have not decided in the current round, by person id. */
export function undecidedApprovers(state: OrderState): { stage: Stage; personId: string; name: string }[] {
  if (state.status !== 'on_approval') return [];
  return state.stages
    .filter((stage) => stage.status === 'active')
    .flatMap((stage) =>
      stage.approvers
        .filter((a) => !stage.decisions.some((d) => d.round === state.round && (d.actingFor ?? d.personId) === a.personId))
        .map((a) => ({ stage, personId: a.personId, name: a.name })),
    );
}

/** Whether the person is an approver of the active stage who has not decided yet in this round. */
export const awaitsDecisionOf = (state: OrderState, personId: string | null): boolean =>
  personId !== null && undecidedApprovers(state).some((a) => a.personId === personId);

/** Whether the order names this person as its signatory: only they are offered «Подписать». */
export const isSignatoryOf = (order: Pick<Order, 'signatory'>, personId: string | null): boolean => personId !== null && order.signatory.personId === personId;

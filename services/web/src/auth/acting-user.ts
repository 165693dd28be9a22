import type { Me, Order, OrderState } from '../api/types';

/**
 * The signed-in person as the order workflow knows them: their registry person (`GET /api/auth/me` personId). An
 * account not linked to a person is never an approver or a signatory, so it has nothing to decide or sign.
 */
export const personOf = (me: Me): string | null => me.personId;

/**
 * What the approval steps' bodies still carry as `userId` (decide, resubmit, sign, retry) while branch authz
 * declares them so: the person, or the login of an account without one (a retry by the administrator). Never a
 * field of a form; it goes when the gateway takes the actor from the session for these steps too.
 */
export const actingUserId = (me: Me): string => me.personId ?? me.login;

/**
 * Whether the person is an approver (or a named substitute) of the active stage of the current round who has not
 * decided yet: only they get the decision form and the order in their inbox.
 */
export function awaitsDecisionOf(state: OrderState, personId: string | null): boolean {
  if (!personId || state.status !== 'on_approval') return false;
  return state.stages.some(
    (stage) =>
      stage.status === 'active' &&
      stage.approvers.some((a) => a.personId === personId || a.substitutes.some((s) => s.personId === personId)) &&
      !stage.decisions.some((d) => d.round === state.round && (d.userId === personId || d.actingFor === personId)),
  );
}

/** Whether the order names this person as its signatory: only they are offered «Подписать». */
export const isSignatoryOf = (order: Pick<Order, 'signatory'>, personId: string | null): boolean => personId !== null && order.signatory.personId === personId;

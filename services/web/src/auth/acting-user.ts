import type { Me } from '../api/types';

/**
 * The id the order workflow still takes in request bodies (`userId`) until the gateway puts the actor on every
 * request itself (issue 8, item 6): the signed-in person's registry id, the same id the route and the signatory
 * are chosen by (see order/person-choice.ts), or the login of an account not linked to a person.
 */
export const actingUserId = (me: Me): string => me.personId ?? me.login;

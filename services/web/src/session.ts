import type { Role } from './contracts';

/** What `GET /api/auth/me` answers for the signed-in person. */
export interface SignedIn {
  accountId: string;
  login: string;
  name: string;
  roles: Role[];
  personId: string | null;
  organization: { id: string; name: string; shortName: string | null } | null;
}

let signedIn: SignedIn | null = null;

export const setSignedIn = (who: SignedIn): void => {
  signedIn = who;
};

export const currentUser = (): SignedIn | null => signedIn;

/**
 * The user id the order workflow still takes in request bodies: the signed-in login, until the gateway
 * puts the actor on every request itself (issue 8, item 6).
 */
export function requireUserId(): string {
  if (!signedIn) throw new Error('Войдите в систему: сессия истекла');
  return signedIn.login;
}

import { worksForIssuer, type Actor } from '@eduplan/contracts';
import { DomainException, notFound } from '@eduplan/platform';

/** What the rule needs to know of a stored document. */
export interface DocumentReadable {
  id: string;
  signed: boolean;
  issuerId: string | null;
}

/**
 * Who may read a stored document. A published one (a signed act) is open to anyone, session or not. Any other
 * (a draft, a memo) is read by the staff of the organization that issued its order, the administrator for
 * every issuer: a visitor without a session is asked to sign in (401), another organization's staff are
 * answered as if it did not exist (404), as the plans service answers for another issuer's orders. A row
 * stored before documents knew their issuer is read by the administrator only.
 */
export function mayRead(actor: Actor | null, document: DocumentReadable): boolean {
  if (document.signed) return true;
  if (!actor) return false;
  return document.issuerId === null ? actor.roles.includes('admin') : worksForIssuer(actor, document.issuerId);
}

export function assertMayRead(actor: Actor | null, document: DocumentReadable): void {
  if (mayRead(actor, document)) return;
  if (!actor) {
    throw new DomainException('UNAUTHENTICATED', 'Документ не опубликован: его открывают сотрудники издавшей приказ организации — войдите в систему');
  }
  throw notFound('Документ', document.id);
}

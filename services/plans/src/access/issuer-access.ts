import { worksForIssuer, type Actor } from '@eduplan/contracts';
import { DomainException, notFound } from '@eduplan/platform';

/**
 * A plan or an order of an issuer the actor does not work for is answered exactly as one that does not
 * exist (NOT_FOUND, 404), never FORBIDDEN: the lists already leave other ministries' plans out, and a 403
 * would confirm to a stranger that a draft with that id exists. One answer everywhere, so no route of the
 * plans service tells existence apart from access.
 */
export function assertWorksFor(actor: Actor, issuerId: string, what: 'План' | 'Приказ', id: string): void {
  if (!worksForIssuer(actor, issuerId)) throw notFound(what, id);
}

/** A plan is created only for the issuer its author works for (the administrator: for any). */
export function assertMayCreateFor(actor: Actor, issuerId: string): void {
  if (worksForIssuer(actor, issuerId)) return;
  throw new DomainException(
    'FORBIDDEN',
    actor.organizationId
      ? `Недостаточно прав: план создаётся только для организации, в которой вы работаете — укажите её (${actor.organizationId}) в issuerId`
      : 'Недостаточно прав: ваша учётная запись не привязана к организации — попросите администратора указать её',
  );
}

/**
 * The issuers a list shows the actor: the administrator sees every issuer (or the one asked for), anyone
 * else only their own organization — asking for another issuer gives an empty list, as it would for an
 * issuer with no plans. `null`: no restriction.
 */
export function listedIssuers(actor: Actor, requested: string | undefined): string[] | null {
  if (actor.roles.includes('admin')) return requested ? [requested] : null;
  if (!actor.organizationId || (requested && requested !== actor.organizationId)) return [];
  return [actor.organizationId];
}

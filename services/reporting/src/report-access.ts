import { holdsRole, MINISTRY_ROLES, worksForIssuer, type Actor } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import type { ReportingPeriodEntity } from './reporting-period.entity';

/**
 * Who reads an organization's report and its files: the organization's reporters, and the staff of the ministry
 * whose order opened the period. A period opened before its issuer was recorded names no ministry: only the
 * administrator reads its reports.
 */
export function mayRead(actor: Actor, organizationId: string, period: ReportingPeriodEntity): boolean {
  return (holdsRole(actor, ['reporter']) && actor.organizationId === organizationId) || isIssuerStaff(actor, period);
}

/** Staff of the ministry whose order opened the period (the administrator for a period that names none). */
export function isIssuerStaff(actor: Actor, period: ReportingPeriodEntity): boolean {
  return holdsRole(actor, MINISTRY_ROLES) && (period.issuerId === null ? actor.roles.includes('admin') : worksForIssuer(actor, period.issuerId));
}

/** The organization a reporter reports for: their account's, set when the account was created. */
export function ownOrganization(actor: Actor): string {
  if (!actor.organizationId) {
    throw new DomainException('FORBIDDEN', 'Ваша учётная запись не привязана к организации: попросите администратора указать её');
  }
  return actor.organizationId;
}

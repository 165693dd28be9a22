import { z } from 'zod';
import { uuid } from './common';

/** The roles of DESIGN.md §7: ministry staff, the admin, and a center's reporter (own organization only). */
export const ROLES = ['editor', 'approver', 'signatory', 'registrar', 'analyst', 'admin', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/** As the interface and the refusals name them. */
export const ROLE_NAMES: Record<Role, string> = {
  editor: 'редактор плана',
  approver: 'согласующий',
  signatory: 'подписант',
  registrar: 'регистратор',
  analyst: 'аналитик',
  admin: 'администратор',
  reporter: 'ответственный за отчёты организации',
};

/** The ministry's staff: everyone but a center's reporter. */
export const MINISTRY_ROLES = ['editor', 'approver', 'signatory', 'registrar', 'analyst', 'admin'] as const satisfies readonly Role[];

/**
 * Who may call an HTTP operation or a bus route: anyone (`anonymous`), anyone signed in, or a holder of one of
 * the roles. The role is the first check; the service owning the data then checks the actor against it.
 */
export type Access = 'anonymous' | 'signed-in' | readonly Role[];

/** Who makes a request, as the gateway verified it from the session. */
export interface Actor {
  accountId: string;
  login: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  personId: string | null;
}

/** The verified caller as it travels on the bus: the gateway puts it on every request a person makes. */
export const actorSchema = z.object({
  accountId: uuid,
  login: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  organizationId: uuid.nullable(),
  personId: uuid.nullable(),
});

/** Whether the actor holds at least one of the roles. */
export function holdsRole(actor: Pick<Actor, 'roles'>, roles: readonly Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** The Russian refusal for an actor without any of the roles. */
export function missingRoleMessage(roles: readonly Role[]): string {
  return `Недостаточно прав: нужна роль ${roles.map((role) => `«${ROLE_NAMES[role]}»`).join(' или ')}`;
}

/**
 * Whether the actor works for the issuer of a plan, an order or its documents: ministry staff for their own
 * organization, the administrator for every issuer of the installation.
 */
export function worksForIssuer(actor: Pick<Actor, 'roles' | 'organizationId'>, issuerId: string): boolean {
  return actor.roles.includes('admin') || actor.organizationId === issuerId;
}

/** The roles of DESIGN.md §7: ministry staff, the admin, and a center's reporter (own organization only). */
export const ROLES = ['editor', 'approver', 'signatory', 'registrar', 'analyst', 'admin', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a request, as the gateway verified it from the session. */
export interface Actor {
  accountId: string;
  login: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  personId: string | null;
}

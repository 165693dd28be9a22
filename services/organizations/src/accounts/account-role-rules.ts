import { MINISTRY_ROLES, ROLE_NAMES, type OrganizationKind, type Role } from '@eduplan/contracts';

/** Ministry roles but the administrator's, who may keep the installation from any organization. */
const ISSUER_ROLES: readonly Role[] = MINISTRY_ROLES.filter((role) => role !== 'admin');

/**
 * What is wrong, in Russian, with giving these roles to someone of an organization of this kind, or null. A
 * reporter reports for their own subordinate organization (a center, a school), never for a ministry; the
 * ministry's drafting, approving, signing, registering and monitoring roles act for the ministry that issues
 * the orders, so they are not given to a center's staff.
 */
export function rolesProblem(roles: readonly Role[], organization: { kind: OrganizationKind; name: string } | null): string | null {
  if (roles.includes('reporter')) {
    if (!organization) return `Роль «${ROLE_NAMES.reporter}» даётся сотруднику организации, которая отчитывается: укажите сотрудника центра или школы`;
    if (organization.kind === 'ministry') {
      return `Роль «${ROLE_NAMES.reporter}» даётся сотруднику подведомственной организации (центра, школы), а «${organization.name}» — министерство: выберите другие роли`;
    }
  }
  const issuerRoles = roles.filter((role) => ISSUER_ROLES.includes(role));
  if (issuerRoles.length > 0 && organization && organization.kind !== 'ministry') {
    return `Роли ${issuerRoles.map((role) => `«${ROLE_NAMES[role]}»`).join(', ')} даются сотрудникам министерства, а «${organization.name}» — не министерство: оставьте роль «${ROLE_NAMES.reporter}»`;
  }
  return null;
}

import { AuditLog } from '@eduplan/platform';

/** The organizations service's audit log: registry, people, aliases, accounts and sign-ins, one chain. */
export const organizationsAudit = new AuditLog('organizations');

import { AuditLog, type AuditActor } from '@eduplan/platform';

/** The documents schema's audit log: signer registrations and signatures, with who made them. */
export const documentsAudit = new AuditLog('documents');

/** The operator at the server's command line, who registers signers without an account. */
export const COMMAND_LINE: AuditActor = { accountId: null, login: '(командная строка)' };

import { AuditLog, type AuditActor } from '@eduplan/platform';

/** The reporting service's audit log: periods opened and closed, reports sent. */
export const reportingAudit = new AuditLog('reporting');

/** Who opens, counts and closes periods: the order's workflow, through the worker, on nobody's request. */
export const ORDER_WORKFLOW: AuditActor = { accountId: null, login: '(процесс приказа)' };

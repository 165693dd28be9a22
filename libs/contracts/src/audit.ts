import { z } from 'zod';
import { actedRoute } from './bus/route';
import type { BusService } from './bus/services';
import { isoDate, pageRequest, type Page } from './common';

/**
 * The services that keep an audit log (`<schema>.audit_log`) and answer `<service>.audit.list` for the
 * administrators' view; `GET /api/audit` asks each of them and merges the pages. A service that adds an audit
 * log adds itself here and wires `auditController` (libs/platform) beside its health controller.
 */
export const AUDITED_SERVICES = ['organizations', 'reporting', 'plans', 'documents', 'notifications'] as const satisfies readonly BusService[];
export type AuditedService = (typeof AUDITED_SERVICES)[number];

/** Filters of the administrators' audit list; the dates are inclusive days in UTC. */
export const auditListRequest = pageRequest.extend({
  objectType: z.string().trim().max(100).optional(),
  objectId: z.string().trim().max(100).optional(),
  /** The person who acted: their account id or login (or whom a substitute acted for). */
  person: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** One row of a service's audit log as an administrator reads it. */
export interface AuditEntryDto {
  seq: number;
  at: string;
  actorAccountId: string | null;
  actorLogin: string | null;
  actingFor: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
}

/** An entry of the merged list: `seq` counts within the log of `service`. */
export type ServiceAuditEntryDto = AuditEntryDto & { service: AuditedService };

/** The HTTP query of the merged list: the same filters, and optionally one service's log only. */
export const auditQuery = auditListRequest.extend({ service: z.enum(AUDITED_SERVICES).optional() });

/**
 * How deep the merged list pages: each service is asked for its newest `offset + limit` entries, so the depth is
 * bounded; older entries are reached by narrowing the dates.
 */
export const AUDIT_MERGE_DEPTH = 1000;

/** `<service>.audit.list`: the service's own log, newest first; administrators only (checked by the service). */
export const auditListRoute = (service: AuditedService) =>
  actedRoute<typeof auditListRequest, Page<AuditEntryDto>>(`${service}.audit.list`, auditListRequest, ['admin']);

export const AuditRoutes: Record<AuditedService, ReturnType<typeof auditListRoute>> = {
  organizations: auditListRoute('organizations'),
  reporting: auditListRoute('reporting'),
  plans: auditListRoute('plans'),
  documents: auditListRoute('documents'),
  notifications: auditListRoute('notifications'),
};

import type { AuditEntryDto } from '@eduplan/contracts';
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Who did it: an account, or nobody signed in (a failed login, an operator at the command line). */
export interface AuditActor {
  accountId: string | null;
  login: string | null;
  /** The person an acting substitute stands in for (замещение), when they act for someone else. */
  actingFor?: string | null;
}

/** What a service records about one state change. */
export interface AuditEntry {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `auth.login`, `account.create`. */
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

/** A stored row of `<schema>.audit_log`, as written and as read back for verification: the entry as read, chained. */
export interface AuditRow extends Omit<AuditEntryDto, 'at'> {
  at: Date;
  prevHash: string;
  hash: string;
}

/** The hash the first row chains to. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous row's hash and this row's content, so changing or removing any row breaks every later link. */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorAccountId: row.actorAccountId,
    actorLogin: row.actorLogin,
    actingFor: row.actingFor,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    before: row.before ?? null,
    after: row.after ?? null,
  });
  return createHash('sha256').update(`${row.prevHash}\n${content}`).digest('hex');
}

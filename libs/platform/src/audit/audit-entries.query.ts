import type { AuditEntryDto, Page, auditListRequest } from '@eduplan/contracts';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { auditRowFromDatabase } from './verify-audit-chain';

/**
 * One schema's audit log for an administrator: filtered by object, person and dates (inclusive days, UTC),
 * newest first, a page at a time. The person matches the account id, the login (any case) or whom a substitute
 * acted for.
 */
export async function listAuditEntries(dataSource: DataSource, schema: string, request: z.output<typeof auditListRequest>): Promise<Page<AuditEntryDto>> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (request.objectType) add((n) => `object_type = ${n}`, request.objectType);
  if (request.objectId) add((n) => `object_id = ${n}`, request.objectId);
  if (request.person) add((n) => `(actor_account_id::text = ${n} OR lower(actor_login) = lower(${n}) OR acting_for = ${n})`, request.person);
  if (request.from) add((n) => `at >= ${n}::date`, request.from);
  if (request.to) add((n) => `at < ${n}::date + 1`, request.to);
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = (await dataSource.query(`SELECT count(*)::int AS total FROM "${schema}".audit_log ${filter}`, params)) as { total: number }[];
  const rows = (await dataSource.query(
    `SELECT * FROM "${schema}".audit_log ${filter} ORDER BY seq DESC LIMIT ${request.limit} OFFSET ${request.offset}`,
    params,
  )) as Record<string, unknown>[];
  return {
    total,
    items: rows.map(auditRowFromDatabase).map(({ prevHash: _prevHash, hash: _hash, ...entry }) => ({ ...entry, at: entry.at.toISOString() })),
  };
}

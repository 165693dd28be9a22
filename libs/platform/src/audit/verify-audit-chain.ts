import type { Client } from 'pg';
import { auditRowHash, GENESIS_HASH, type AuditRow } from './audit-entry';

export interface AuditChainReport {
  schema: string;
  rows: number;
  /** The first row whose link does not hold, with why; null when the whole chain holds. */
  broken: { seq: number; reason: string } | null;
}

const BATCH = 1000;

/** Every schema that keeps an audit log. */
export async function auditedSchemas(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'audit_log' ORDER BY table_schema`,
  );
  return rows.map((r) => r.schema);
}

/** Recomputes one schema's chain from the first row, a batch at a time, and names the first row that does not fit. */
export async function verifyAuditChain(client: Client, schema: string): Promise<AuditChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT seq, at, actor_account_id, actor_login, acting_for, action, object_type, object_id, before, after, prev_hash, hash
         FROM "${schema}".audit_log WHERE seq >= $1 ORDER BY seq LIMIT ${BATCH}`,
      [expectedSeq],
    );
    for (const raw of rows) {
      const row = auditRowFromDatabase(raw);
      if (row.seq !== expectedSeq) return { schema, rows: expectedSeq - 1, broken: { seq: expectedSeq, reason: `запись ${expectedSeq} отсутствует (удалена)` } };
      if (row.prevHash !== prevHash) {
        return { schema, rows: row.seq - 1, broken: { seq: row.seq, reason: `ссылка на предыдущую запись не совпадает с её хешем (предыдущая запись удалена или подменена)` } };
      }
      if (auditRowHash(row) !== row.hash) return { schema, rows: row.seq - 1, broken: { seq: row.seq, reason: 'содержимое записи изменено: хеш не совпадает' } };
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < BATCH) return { schema, rows: expectedSeq - 1, broken: null };
  }
}

/** A row of `<schema>.audit_log` as `SELECT *` returns it. */
export function auditRowFromDatabase(raw: Record<string, unknown>): AuditRow {
  return {
    seq: Number(raw.seq),
    at: raw.at as Date,
    actorAccountId: raw.actor_account_id as string | null,
    actorLogin: raw.actor_login as string | null,
    actingFor: raw.acting_for as string | null,
    action: raw.action as string,
    objectType: raw.object_type as string,
    objectId: raw.object_id as string | null,
    before: raw.before,
    after: raw.after,
    prevHash: raw.prev_hash as string,
    hash: raw.hash as string,
  };
}

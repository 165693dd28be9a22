import type { EntityManager } from 'typeorm';
import { auditRowHash, GENESIS_HASH, type AuditEntry, type AuditRow } from './audit-entry';

/** The first key of the advisory lock that serializes appends to a schema's chain (the second is the schema's hash). */
const AUDIT_LOCK_KEY = 7_100_001;

/**
 * The append-only, hash-chained log of one service's schema. `append` runs inside the caller's transaction,
 * so the entry exists exactly when the change it records does; appends to one chain are serialized by a
 * transaction-scoped advisory lock, so two writers never chain to the same previous row.
 */
export class AuditLog {
  constructor(private readonly schema: string) {
    if (!/^[a-z_]+$/.test(schema)) throw new Error(`Unsupported schema name «${schema}»`);
  }

  async append(manager: EntityManager, entry: AuditEntry): Promise<AuditRow> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditLog.append must run inside the transaction of the change it records');
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_LOCK_KEY, this.schema]);
    const [last] = (await manager.query(`SELECT seq, hash FROM "${this.schema}".audit_log ORDER BY seq DESC LIMIT 1`)) as { seq: string; hash: string }[];
    const unhashed: Omit<AuditRow, 'hash'> = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: new Date(),
      actorAccountId: entry.actor?.accountId ?? null,
      actorLogin: entry.actor?.login ?? null,
      actingFor: entry.actor?.actingFor ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      // Stored as jsonb, so what is hashed is what JSON keeps (no undefined, dates as text).
      before: toJson(entry.before),
      after: toJson(entry.after),
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...unhashed, hash: auditRowHash(unhashed) };
    await manager.query(
      `INSERT INTO "${this.schema}".audit_log
         (seq, at, actor_account_id, actor_login, acting_for, action, object_type, object_id, before, after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12)`,
      [row.seq, row.at, row.actorAccountId, row.actorLogin, row.actingFor, row.action, row.objectType, row.objectId,
        JSON.stringify(row.before), JSON.stringify(row.after), row.prevHash, row.hash],
    );
    return row;
  }
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

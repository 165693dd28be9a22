import type { EntityManager } from 'typeorm';
import type { Actor } from '@eduplan/contracts';
import { auditRowHash, GENESIS_HASH, type AuditActor, type AuditEntry, type AuditRow } from './audit-entry';

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
    const [row] = await this.appendAll(manager, [entry]);
    return row;
  }

  /**
   * Several entries of one change (an import creating thousands of organizations), chained in order and written
   * with one statement, so a bulk change costs one round trip to record, not one per object.
   */
  async appendAll(manager: EntityManager, entries: readonly AuditEntry[]): Promise<AuditRow[]> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditLog.append must run inside the transaction of the change it records');
    if (entries.length === 0) return [];
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AUDIT_LOCK_KEY, this.schema]);
    const [last] = (await manager.query(`SELECT seq, hash FROM "${this.schema}".audit_log ORDER BY seq DESC LIMIT 1`)) as { seq: string; hash: string }[];
    const at = new Date();
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry): AuditRow => {
      seq += 1;
      const unhashed: Omit<AuditRow, 'hash'> = {
        seq,
        at,
        actorAccountId: entry.actor?.accountId ?? null,
        actorLogin: entry.actor?.login ?? null,
        actingFor: entry.actor?.actingFor ?? null,
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId,
        // Stored as jsonb, so what is hashed is what JSON keeps (no undefined, dates as text).
        before: toJson(entry.before),
        after: toJson(entry.after),
        prevHash,
      };
      prevHash = auditRowHash(unhashed);
      return { ...unhashed, hash: prevHash };
    });
    await manager.query(
      `INSERT INTO "${this.schema}".audit_log
         (seq, at, actor_account_id, actor_login, acting_for, action, object_type, object_id, before, after, prev_hash, hash)
       SELECT seq, $2::timestamptz, actor_account_id, actor_login, acting_for, action, object_type, object_id, before, after, prev_hash, hash
         FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, actor_account_id uuid, actor_login text, acting_for text, action text,
           object_type text, object_id text, before jsonb, after jsonb, prev_hash text, hash text)`,
      [
        JSON.stringify(
          rows.map((row) => ({
            seq: row.seq,
            actor_account_id: row.actorAccountId,
            actor_login: row.actorLogin,
            acting_for: row.actingFor,
            action: row.action,
            object_type: row.objectType,
            object_id: row.objectId,
            before: row.before,
            after: row.after,
            prev_hash: row.prevHash,
            hash: row.hash,
          })),
        ),
        at,
      ],
    );
    return rows;
  }
}

/** Who acted, as the audit log records a verified actor from the bus. */
export function auditActorOf(actor: Pick<Actor, 'accountId' | 'login'>): AuditActor {
  return { accountId: actor.accountId, login: actor.login };
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

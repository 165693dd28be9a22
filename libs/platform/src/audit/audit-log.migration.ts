import type { QueryRunner } from 'typeorm';

/**
 * Creates `<schema>.audit_log` for a service's migration. The table is append-only at the database level:
 * a trigger refuses UPDATE, DELETE and TRUNCATE, so only someone who can disable triggers (a superuser) can
 * change history, and `eduplan audit verify` then finds the broken link.
 */
export async function createAuditLogTable(q: QueryRunner, schema: string): Promise<void> {
  await q.query(`
    CREATE TABLE "${schema}".audit_log (
      seq bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_account_id uuid,
      actor_login text,
      acting_for text,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`);
  await q.query(`CREATE INDEX audit_log_object_idx ON "${schema}".audit_log (object_type, object_id)`);
  await q.query(`CREATE INDEX audit_log_actor_idx ON "${schema}".audit_log (actor_account_id)`);
  await q.query(`CREATE INDEX audit_log_at_idx ON "${schema}".audit_log (at)`);
  await q.query(`
    CREATE FUNCTION "${schema}".audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
    END $$`);
  await q.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "${schema}".audit_log
    FOR EACH ROW EXECUTE FUNCTION "${schema}".audit_log_append_only()`);
  await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "${schema}".audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".audit_log_append_only()`);
}

export async function dropAuditLogTable(q: QueryRunner, schema: string): Promise<void> {
  await q.query(`DROP TABLE "${schema}".audit_log`);
  await q.query(`DROP FUNCTION "${schema}".audit_log_append_only()`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable, dropAuditLogTable } from '@eduplan/platform';

/**
 * One row per notice per account. `fact_key` names the fact it tells of, so a fact heard twice (a retried
 * activity, a redelivered event) stores one notice; the e-mail columns are the outbox the mailer works off.
 * People's read marks go to the service's audit log.
 */
export class CreateNotifications1766000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications.notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL,
        person_id uuid,
        fact_key text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email text,
        email_status text NOT NULL CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
        email_attempts integer NOT NULL DEFAULT 0,
        email_next_at timestamptz,
        email_error text,
        UNIQUE (account_id, fact_key)
      )`);
    await q.query(`CREATE INDEX notifications_account_idx ON notifications.notifications (account_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications.notifications (account_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_outbox_idx ON notifications.notifications (email_next_at) WHERE email_status = 'pending'`);
    await createAuditLogTable(q, 'notifications');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditLogTable(q, 'notifications');
    await q.query(`DROP TABLE notifications.notifications`);
  }
}

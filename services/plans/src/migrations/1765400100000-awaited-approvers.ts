import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whom an order on approval waits on, as its workflow last reported it (`awaiting_seq` orders the reports), so
 * «Мои задачи» finds an approver's orders through the GIN index instead of asking every order's workflow.
 */
export class AwaitedApprovers1765400100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans.orders ADD COLUMN awaiting_approver_ids uuid[] NOT NULL DEFAULT '{}',
                   ADD COLUMN awaiting_stage text, ADD COLUMN awaiting_seq integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX orders_awaiting_approvers_idx ON plans.orders USING gin (awaiting_approver_ids)`);
    await q.query(`CREATE INDEX orders_status_created_idx ON plans.orders (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plans.orders_status_created_idx`);
    await q.query(`DROP INDEX plans.orders_awaiting_approvers_idx`);
    await q.query(`ALTER TABLE plans.orders DROP COLUMN awaiting_seq, DROP COLUMN awaiting_stage, DROP COLUMN awaiting_approver_ids`);
  }
}

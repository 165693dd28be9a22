import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanVersionsAndSubRows1763900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans.events ADD COLUMN sub_rows jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE plans.plans ADD COLUMN source_document jsonb`);
    await q.query(`
      CREATE TABLE plans.plan_versions (
        plan_id uuid NOT NULL REFERENCES plans.plans(id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version >= 1),
        status text NOT NULL,
        snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version)
      )`);
    await q.query(`CREATE INDEX orders_plan_idx ON plans.orders (plan_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plans.orders_plan_idx`);
    await q.query(`DROP TABLE plans.plan_versions`);
    await q.query(`ALTER TABLE plans.plans DROP COLUMN source_document`);
    await q.query(`ALTER TABLE plans.events DROP COLUMN sub_rows`);
  }
}

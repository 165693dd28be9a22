import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plans and orders lists read newest first, optionally for one issuer. */
export class ListIndexes1764000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX plans_issuer_created_idx ON plans.plans (issuer_id, created_at DESC)`);
    await q.query(`CREATE INDEX orders_issuer_created_idx ON plans.orders (issuer_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plans.orders_issuer_created_idx`);
    await q.query(`DROP INDEX plans.plans_issuer_created_idx`);
  }
}

import { defaultOrderPoints, type OrderKind } from '@eduplan/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An order carries its own numbered points instead of two built into the renderer. Existing orders get the
 * points they have been printed with until now, so their text does not change.
 */
export class OrderPoints1764300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans.orders ADD COLUMN points jsonb`);
    const orders = (await q.query(
      `SELECT o.id, o.kind, p.title FROM plans.orders o JOIN plans.plans p ON p.id = o.plan_id`,
    )) as { id: string; kind: OrderKind; title: string }[];
    for (const order of orders) {
      await q.query(`UPDATE plans.orders SET points = $2 WHERE id = $1`, [order.id, JSON.stringify(defaultOrderPoints(order.kind, order.title))]);
    }
    await q.query(`ALTER TABLE plans.orders ALTER COLUMN points SET NOT NULL`);
    await q.query(
      `ALTER TABLE plans.orders ADD CONSTRAINT orders_points_not_empty CHECK (jsonb_typeof(points) = 'array' AND jsonb_array_length(points) > 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plans.orders DROP COLUMN points`);
  }
}

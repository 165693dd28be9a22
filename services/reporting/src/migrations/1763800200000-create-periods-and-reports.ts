import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePeriodsAndReports1763800200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting.periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        year int NOT NULL,
        quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        start date NOT NULL,
        "end" date NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        expected jsonb NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        UNIQUE (order_id, year, quarter)
      )`);
    await q.query(`
      CREATE TABLE reporting.reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_id uuid NOT NULL REFERENCES reporting.periods(id),
        organization_id uuid NOT NULL,
        items jsonb NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period_id, organization_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.reports`);
    await q.query(`DROP TABLE reporting.periods`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlansAndOrders1763800100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans.plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        issuer_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plans.sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans.plans(id) ON DELETE CASCADE,
        position int NOT NULL,
        number text,
        title text NOT NULL,
        direction_code int CHECK (direction_code BETWEEN 1 AND 11)
      )`);
    await q.query(`CREATE INDEX sections_plan_idx ON plans.sections (plan_id, position)`);
    await q.query(`
      CREATE TABLE plans.events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES plans.sections(id) ON DELETE CASCADE,
        position int NOT NULL,
        number text,
        title text NOT NULL,
        content text,
        audience text,
        deadline jsonb NOT NULL,
        responsible jsonb NOT NULL DEFAULT '[]',
        expected_result text
      )`);
    await q.query(`CREATE INDEX events_section_idx ON plans.events (section_id, position)`);
    await q.query(`
      CREATE TABLE plans.orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans.plans(id),
        issuer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('prikaz', 'rasporyazhenie')),
        title text NOT NULL,
        place text,
        basis text,
        signatory jsonb NOT NULL,
        status text NOT NULL,
        registration_number text,
        registered_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plans.registration_journals (
        issuer_id uuid NOT NULL,
        kind text NOT NULL,
        year int NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (issuer_id, kind, year)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX orders_registration_uniq ON plans.orders (issuer_id, kind, registration_number) WHERE registration_number IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plans.registration_journals`);
    await q.query(`DROP TABLE plans.orders`);
    await q.query(`DROP TABLE plans.events`);
    await q.query(`DROP TABLE plans.sections`);
    await q.query(`DROP TABLE plans.plans`);
  }
}

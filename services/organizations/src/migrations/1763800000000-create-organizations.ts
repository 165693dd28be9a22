import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganizations1763800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations.organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        short_name text,
        kind text NOT NULL CHECK (kind IN ('ministry', 'center', 'institution')),
        center_type text CHECK (center_type IN ('tochka_rosta', 'kvantorium', 'it_cube')),
        parent_id uuid REFERENCES organizations.organizations(id),
        time_zone text NOT NULL DEFAULT 'Europe/Moscow',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organizations_parent_idx ON organizations.organizations (parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organizations.organizations`);
  }
}

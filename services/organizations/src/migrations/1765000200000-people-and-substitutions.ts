import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff of organizations with their positions, and who substitutes whom on which days. */
export class PeopleAndSubstitutions1765000200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations.people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations.organizations(id),
        full_name text NOT NULL,
        position text NOT NULL CHECK (position IN ('minister', 'deputy_minister', 'head_of_department', 'deputy_head_of_department',
          'specialist', 'lawyer', 'institute_head', 'coordinator', 'director', 'center_head', 'other')),
        position_title text,
        email text,
        phone text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX people_organization_idx ON organizations.people (organization_id, position)`);
    await q.query(`
      CREATE TABLE organizations.substitutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES organizations.people(id),
        substitute_id uuid NOT NULL REFERENCES organizations.people(id),
        date_from date NOT NULL,
        date_to date NOT NULL,
        reason text,
        cancelled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (date_from <= date_to),
        CHECK (person_id <> substitute_id)
      )`);
    await q.query(`CREATE INDEX substitutions_person_idx ON organizations.substitutions (person_id, date_from)`);
    await q.query(`CREATE INDEX substitutions_substitute_idx ON organizations.substitutions (substitute_id, date_from)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organizations.substitutions`);
    await q.query(`DROP TABLE organizations.people`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Aliases of a region's organizations, so a person links a plan's «ИРО», «КО» or «РМЦ» once. */
export class ResponsibleAliases1765200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS organizations_issuer_idx ON organizations.organizations (issuer_id)`);
    await q.query(`
      CREATE TABLE organizations.aliases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer_id uuid NOT NULL REFERENCES organizations.organizations(id),
        alias_key text NOT NULL,
        alias_text text NOT NULL,
        organization_ids uuid[] NOT NULL DEFAULT '{}',
        not_reporting boolean NOT NULL DEFAULT false,
        source text NOT NULL CHECK (source IN ('person', 'glossary', 'inline')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (issuer_id, alias_key),
        CHECK (not_reporting = (cardinality(organization_ids) = 0))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organizations.aliases`);
    await q.query(`DROP INDEX IF EXISTS organizations.organizations_issuer_idx`);
  }
}

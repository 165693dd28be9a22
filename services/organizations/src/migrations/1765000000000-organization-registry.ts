import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry: regions and municipalities above organizations, the kinds and center types of the network,
 * requisites (ИНН, ОГРН, address), the issuer a center answers to and an active flag in place of deletion.
 * Existing organizations keep their kind and stay active.
 */
export class OrganizationRegistry1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Trigram search ranks «ТОИУУ» near «ГБОУ ДПО ТОИУУ»; the extension ships with PostgreSQL's contrib.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await q.query(`
      CREATE TABLE organizations.regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        code text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX regions_name_key ON organizations.regions (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX regions_code_key ON organizations.regions (code) WHERE code IS NOT NULL`);
    await q.query(`
      CREATE TABLE organizations.municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES organizations.regions(id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX municipalities_name_key ON organizations.municipalities (region_id, lower(name))`);

    await q.query(`ALTER TABLE organizations.organizations DROP CONSTRAINT organizations_kind_check`);
    await q.query(`ALTER TABLE organizations.organizations DROP CONSTRAINT organizations_center_type_check`);
    await q.query(`
      ALTER TABLE organizations.organizations
        ADD CONSTRAINT organizations_kind_check
          CHECK (kind IN ('ministry', 'institute', 'coordinator', 'municipal_body', 'school', 'center', 'institution')),
        ADD CONSTRAINT organizations_center_type_check
          CHECK (center_type IN ('tochka_rosta', 'kvantorium', 'kvantorium_school', 'kvantorium_mobile', 'it_cube', 'cdod', 'infiniti')),
        ADD COLUMN region_id uuid REFERENCES organizations.regions(id),
        ADD COLUMN municipality_id uuid REFERENCES organizations.municipalities(id),
        ADD COLUMN issuer_id uuid REFERENCES organizations.organizations(id),
        ADD COLUMN inn text CHECK (inn ~ '^([0-9]{10}|[0-9]{12})$'),
        ADD COLUMN ogrn text CHECK (ogrn ~ '^([0-9]{13}|[0-9]{15})$'),
        ADD COLUMN address text,
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX organizations_inn_key ON organizations.organizations (inn) WHERE inn IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX organizations_ogrn_key ON organizations.organizations (ogrn) WHERE ogrn IS NOT NULL`);
    await q.query(`CREATE INDEX organizations_municipality_idx ON organizations.organizations (municipality_id)`);
    await q.query(`CREATE INDEX organizations_region_kind_idx ON organizations.organizations (region_id, kind, center_type)`);
    await q.query(`CREATE INDEX organizations_issuer_idx ON organizations.organizations (issuer_id)`);
    await q.query(
      `CREATE INDEX organizations_name_trgm_idx ON organizations.organizations
         USING gin ((lower(name || ' ' || coalesce(short_name, ''))) public.gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations.organizations_name_trgm_idx`);
    // Kinds and types the old schema lacks fold into the nearest it has; no organization is lost.
    await q.query(`UPDATE organizations.organizations SET kind = 'institution' WHERE kind NOT IN ('ministry', 'center', 'institution')`);
    await q.query(`UPDATE organizations.organizations SET center_type = 'kvantorium' WHERE center_type IN ('kvantorium_school', 'kvantorium_mobile')`);
    await q.query(`UPDATE organizations.organizations SET center_type = 'it_cube' WHERE center_type IN ('cdod', 'infiniti')`);
    await q.query(`
      ALTER TABLE organizations.organizations
        DROP COLUMN region_id, DROP COLUMN municipality_id, DROP COLUMN issuer_id, DROP COLUMN inn, DROP COLUMN ogrn,
        DROP COLUMN address, DROP COLUMN active, DROP COLUMN updated_at,
        DROP CONSTRAINT organizations_kind_check, DROP CONSTRAINT organizations_center_type_check,
        ADD CONSTRAINT organizations_kind_check CHECK (kind IN ('ministry', 'center', 'institution')),
        ADD CONSTRAINT organizations_center_type_check CHECK (center_type IN ('tochka_rosta', 'kvantorium', 'it_cube'))`);
    await q.query(`DROP TABLE organizations.municipalities`);
    await q.query(`DROP TABLE organizations.regions`);
  }
}

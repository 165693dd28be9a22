import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An uploaded table is staged here, a chunk per bus message, so that its preview and its confirmation read
 * the same rows and a table larger than one bus message still imports in one transaction.
 */
export class OrganizationImportBatches1765000100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations.import_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid REFERENCES organizations.regions(id),
        issuer_id uuid REFERENCES organizations.organizations(id),
        file_name text,
        status text NOT NULL DEFAULT 'staged' CHECK (status IN ('staged', 'imported')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE organizations.import_rows (
        batch_id uuid NOT NULL REFERENCES organizations.import_batches(id) ON DELETE CASCADE,
        line integer NOT NULL,
        cells jsonb NOT NULL,
        PRIMARY KEY (batch_id, line)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organizations.import_rows`);
    await q.query(`DROP TABLE organizations.import_batches`);
  }
}

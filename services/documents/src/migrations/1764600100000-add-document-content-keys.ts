import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rendering is identified by what it was rendered from: (subject, kind, period, SHA-256 of the render input).
 * A retried or concurrent render of the same content finds the stored row instead of adding another.
 * Rows stored before this migration have no key and stay as they are.
 */
export class AddDocumentContentKeys1764600100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents.documents ADD COLUMN period_id uuid, ADD COLUMN content_key char(64)`);
    await q.query(`
      CREATE UNIQUE INDEX documents_one_per_content ON documents.documents (subject_id, kind, period_id, content_key)
      NULLS NOT DISTINCT WHERE content_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX documents.documents_one_per_content`);
    await q.query(`ALTER TABLE documents.documents DROP COLUMN content_key, DROP COLUMN period_id`);
  }
}

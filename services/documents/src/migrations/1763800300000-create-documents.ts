import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDocuments1763800300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents.documents (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        version int NOT NULL,
        file_name text NOT NULL,
        content_type text NOT NULL,
        sha256 char(64) NOT NULL,
        size int NOT NULL,
        content bytea NOT NULL,
        signed boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subject_id, kind, version)
      )`);
    // Stored files are evidence: nobody, not even a buggy service, may change or remove one.
    await q.query(`
      CREATE FUNCTION documents.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'stored document % is immutable', OLD.id;
      END $$`);
    await q.query(`
      CREATE TRIGGER documents_immutable BEFORE UPDATE OR DELETE ON documents.documents
      FOR EACH ROW EXECUTE FUNCTION documents.refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents.documents`);
    await q.query(`DROP FUNCTION documents.refuse_change()`);
  }
}

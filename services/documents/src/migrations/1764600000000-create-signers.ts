import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signers are registered records: signing finds the key by the signatory's user id in this table,
 * so no identifier from a request ever becomes part of a file path.
 */
export class CreateSigners1764600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents.signers (
        user_id text PRIMARY KEY,
        display_name text NOT NULL,
        algorithm text NOT NULL CHECK (algorithm IN ('RSA', 'GOST')),
        certificate_pem text NOT NULL,
        pkcs12 bytea NOT NULL,
        fingerprint char(64) NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_to timestamptz NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents.signers`);
  }
}

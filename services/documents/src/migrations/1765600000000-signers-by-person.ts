import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signer is a person of the registry (`organizations.people`), found by the person id an order names as its
 * signatory. The rows before this migration were keyed by a free-text user id that named no one in the registry
 * (the development «kalinina», a clerk's typing), so none of them can be tied to a person, and a key left under
 * such an id would sign for whoever claimed it: they are deleted. Each signer is registered again for their person
 * (`npm run -s eduplan -- signer add --person ID --pkcs12 FILE --password-stdin`, README «Signing»).
 */
export class SignersByPerson1765600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM documents.signers`);
    await q.query(`ALTER TABLE documents.signers DROP CONSTRAINT signers_pkey`);
    await q.query(`ALTER TABLE documents.signers DROP COLUMN user_id`);
    await q.query(`ALTER TABLE documents.signers ADD COLUMN person_id uuid PRIMARY KEY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM documents.signers`);
    await q.query(`ALTER TABLE documents.signers DROP COLUMN person_id`);
    await q.query(`ALTER TABLE documents.signers ADD COLUMN user_id text PRIMARY KEY`);
  }
}

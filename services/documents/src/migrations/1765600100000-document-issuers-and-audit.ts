import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable, dropAuditLogTable } from '@eduplan/platform';

/**
 * A document names the organization that issued its order: until it is published (signed), only that
 * organization's staff read it. Rows stored before this migration have no issuer (the documents schema never
 * knew it); an unsigned one of them is then read by administrators only, a signed one stays public.
 * The audit log records signer registrations and signatures, with who made them.
 */
export class DocumentIssuersAndAudit1765600100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents.documents ADD COLUMN issuer_id uuid`);
    await createAuditLogTable(q, 'documents');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditLogTable(q, 'documents');
    await q.query(`ALTER TABLE documents.documents DROP COLUMN issuer_id`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable, dropAuditLogTable } from '@eduplan/platform';

/**
 * Reports become a center's own: a period records the ministry whose order opened it (its staff read the
 * reports) and what its reporters are shown (the plan's title, the due events); finding a center's periods
 * looks into `expected` through a GIN index; every submission and every period opened or closed is audited.
 */
export class ReportingAuditAndIssuers1765400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.periods ADD COLUMN issuer_id uuid, ADD COLUMN plan_title text, ADD COLUMN events jsonb`);
    await q.query(`CREATE INDEX periods_expected_idx ON reporting.periods USING gin (expected jsonb_path_ops)`);
    await q.query(`CREATE INDEX reports_organization_idx ON reporting.reports (organization_id, submitted_at DESC)`);
    await createAuditLogTable(q, 'reporting');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditLogTable(q, 'reporting');
    await q.query(`DROP INDEX reporting.reports_organization_idx`);
    await q.query(`DROP INDEX reporting.periods_expected_idx`);
    await q.query(`ALTER TABLE reporting.periods DROP COLUMN events, DROP COLUMN plan_title, DROP COLUMN issuer_id`);
  }
}

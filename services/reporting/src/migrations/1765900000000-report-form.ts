import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report form: a draft kept per organization and period (not a report, so nothing counts it as submitted);
 * a submitted report marked late against the deadline and corrected by revisions (each kept, with who, when and
 * why, and the retry key that stored it); evidence files stored here in chunks. Reports already stored take the
 * new item shape: the one date becomes the range, the one count is kept as «другие» (its category is unknown).
 */
export class ReportForm1765900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reporting.reports
        ADD COLUMN late boolean NOT NULL DEFAULT false,
        ADD COLUMN days_late int NOT NULL DEFAULT 0,
        ADD COLUMN revision int NOT NULL DEFAULT 1,
        ADD COLUMN corrected_at timestamptz`);
    await q.query(`
      UPDATE reporting.reports r SET items = COALESCE((
        SELECT jsonb_agg(jsonb_build_object(
          'eventId', i->'eventId',
          'outcome', i->'outcome',
          'heldFrom', COALESCE(i->'heldOn', 'null'::jsonb),
          'heldTo', COALESCE(i->'heldOn', 'null'::jsonb),
          'postponedToDate', 'null'::jsonb,
          'postponedToQuarter', 'null'::jsonb,
          'attendance', CASE WHEN i->>'participants' IS NULL THEN 'null'::jsonb
                             ELSE jsonb_build_object('students', 0, 'teachers', 0, 'parents', 0, 'others', (i->>'participants')::int) END,
          'participants', COALESCE(i->'participants', 'null'::jsonb),
          'links', '[]'::jsonb,
          'files', '[]'::jsonb,
          'comment', COALESCE(i->'comment', 'null'::jsonb)
        ) ORDER BY n)
        FROM jsonb_array_elements(r.items) WITH ORDINALITY AS e(i, n)), '[]'::jsonb)`);
    await q.query(`
      CREATE TABLE reporting.report_revisions (
        report_id uuid NOT NULL REFERENCES reporting.reports(id),
        revision int NOT NULL,
        items jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        by_account_id uuid,
        by_login text NOT NULL,
        reason text,
        idempotency_key text,
        PRIMARY KEY (report_id, revision),
        UNIQUE (report_id, idempotency_key)
      )`);
    await q.query(`
      INSERT INTO reporting.report_revisions (report_id, revision, items, at, by_login)
      SELECT id, 1, items, submitted_at, '(до исправлений)' FROM reporting.reports`);
    await q.query(`
      CREATE TABLE reporting.report_drafts (
        period_id uuid NOT NULL REFERENCES reporting.periods(id),
        organization_id uuid NOT NULL,
        items jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now(),
        saved_by text NOT NULL,
        PRIMARY KEY (period_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE reporting.evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_id uuid NOT NULL REFERENCES reporting.periods(id),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL CHECK (size > 0),
        received int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_files_owner_idx ON reporting.evidence_files (organization_id, period_id)`);
    await q.query(`
      CREATE TABLE reporting.evidence_chunks (
        file_id uuid NOT NULL REFERENCES reporting.evidence_files(id) ON DELETE CASCADE,
        seq int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.evidence_chunks`);
    await q.query(`DROP TABLE reporting.evidence_files`);
    await q.query(`DROP TABLE reporting.report_drafts`);
    await q.query(`DROP TABLE reporting.report_revisions`);
    await q.query(`
      UPDATE reporting.reports r SET items = (
        SELECT jsonb_agg(jsonb_build_object('eventId', i->'eventId', 'outcome', i->'outcome', 'heldOn', i->'heldFrom',
                                            'participants', i->'participants', 'comment', i->'comment') ORDER BY n)
        FROM jsonb_array_elements(r.items) WITH ORDINALITY AS e(i, n))`);
    await q.query(`ALTER TABLE reporting.reports DROP COLUMN corrected_at, DROP COLUMN revision, DROP COLUMN days_late, DROP COLUMN late`);
  }
}

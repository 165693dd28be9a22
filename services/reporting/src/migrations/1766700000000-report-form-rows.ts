import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A report item row in the shape of a report's item (ReportItemDto), for the revision kept of reports already stored. */
const ITEM_JSON = `jsonb_build_object(
  'eventId', i.event_id, 'outcome', i.outcome,
  'heldFrom', to_char(i.held_from, 'YYYY-MM-DD'), 'heldTo', to_char(i.held_to, 'YYYY-MM-DD'),
  'postponedToDate', to_char(i.postponed_to_date, 'YYYY-MM-DD'),
  'postponedToQuarter', CASE WHEN i.postponed_to_year IS NULL THEN NULL ELSE jsonb_build_object('year', i.postponed_to_year, 'quarter', i.postponed_to_quarter) END,
  'attendance', CASE WHEN i.participants IS NULL THEN NULL
                     ELSE jsonb_build_object('students', i.students, 'teachers', i.teachers, 'parents', i.parents, 'others', i.others) END,
  'participants', i.participants, 'links', i.links, 'files', i.files, 'comment', i.comment)`;

/**
 * The report form on the item rows: each outcome row gets the dates held (from–to, the one date of older reports
 * becomes both ends), participants by category (`participants` stays their total, which the figures add up; an
 * older report's one count is kept as «другие», its category unknown), where a postponed event moves to, and its
 * evidence (links and the attached files as they were named, both shown, never aggregated). A report is marked late
 * against the deadline and corrected by revisions (each kept with who, when, why and the retry key that stored
 * it, its items as a snapshot); a draft is kept per organization and period (not a report, so nothing counts it);
 * evidence files are stored here in chunks.
 */
export class ReportFormRows1766700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reporting.reports
        ADD COLUMN late boolean NOT NULL DEFAULT false,
        ADD COLUMN days_late int NOT NULL DEFAULT 0,
        ADD COLUMN revision int NOT NULL DEFAULT 1,
        ADD COLUMN corrected_at timestamptz`);
    await q.query(`ALTER TABLE reporting.report_items RENAME COLUMN held_on TO held_from`);
    await q.query(`
      ALTER TABLE reporting.report_items
        ADD COLUMN held_to date,
        ADD COLUMN students int,
        ADD COLUMN teachers int,
        ADD COLUMN parents int,
        ADD COLUMN others int,
        ADD COLUMN postponed_to_date date,
        ADD COLUMN postponed_to_year int,
        ADD COLUMN postponed_to_quarter int CHECK (postponed_to_quarter BETWEEN 1 AND 4),
        ADD COLUMN links jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN files jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`UPDATE reporting.report_items SET held_to = held_from`);
    await q.query(`UPDATE reporting.report_items SET students = 0, teachers = 0, parents = 0, others = participants WHERE participants IS NOT NULL`);
    // The total and its categories are given together, and agree.
    await q.query(`
      ALTER TABLE reporting.report_items ADD CONSTRAINT report_items_participants_check CHECK (
        CASE WHEN participants IS NULL THEN num_nonnulls(students, teachers, parents, others) = 0
             ELSE num_nulls(students, teachers, parents, others) = 0 AND participants = students + teachers + parents + others END)`);
    await q.query(`
      ALTER TABLE reporting.report_items ADD CONSTRAINT report_items_postponed_quarter_check
        CHECK ((postponed_to_year IS NULL) = (postponed_to_quarter IS NULL))`);
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
      SELECT r.id, 1, COALESCE((SELECT jsonb_agg(${ITEM_JSON} ORDER BY i.position) FROM reporting.report_items i WHERE i.report_id = r.id), '[]'),
             r.submitted_at, '(до исправлений)'
      FROM reporting.reports r`);
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
    await q.query(`ALTER TABLE reporting.report_items DROP CONSTRAINT report_items_postponed_quarter_check, DROP CONSTRAINT report_items_participants_check`);
    await q.query(`
      ALTER TABLE reporting.report_items
        DROP COLUMN files, DROP COLUMN links, DROP COLUMN postponed_to_quarter, DROP COLUMN postponed_to_year, DROP COLUMN postponed_to_date,
        DROP COLUMN others, DROP COLUMN parents, DROP COLUMN teachers, DROP COLUMN students, DROP COLUMN held_to`);
    await q.query(`ALTER TABLE reporting.report_items RENAME COLUMN held_from TO held_on`);
    await q.query(`ALTER TABLE reporting.reports DROP COLUMN corrected_at, DROP COLUMN revision, DROP COLUMN days_late, DROP COLUMN late`);
  }
}

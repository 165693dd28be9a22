import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A period's due events, owing organizations, obligations (organization × event) and reported outcomes become
 * rows instead of jsonb on the period and the report: a region of a thousand centers owes a hundred thousand
 * events a quarter, which PostgreSQL groups and counts, where a jsonb document had to be read whole. Existing
 * periods and reports are converted; periods opened before events and names were recorded keep nulls there.
 */
export class PeriodRows1766600000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting.period_events (
        period_id uuid NOT NULL REFERENCES reporting.periods(id),
        event_id uuid NOT NULL,
        position int NOT NULL,
        number text,
        title text,
        section_id uuid,
        section_number text,
        section_title text,
        PRIMARY KEY (period_id, event_id)
      )`);
    await q.query(`
      CREATE TABLE reporting.period_organizations (
        period_id uuid NOT NULL REFERENCES reporting.periods(id),
        organization_id uuid NOT NULL,
        name text,
        center_type text,
        municipality_id uuid,
        PRIMARY KEY (period_id, organization_id)
      )`);
    // A reporter's periods are looked up by organization (it replaces the GIN index on `expected`).
    await q.query(`CREATE INDEX period_organizations_organization_idx ON reporting.period_organizations (organization_id, period_id)`);
    await q.query(`
      CREATE TABLE reporting.period_obligations (
        period_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        event_id uuid NOT NULL,
        PRIMARY KEY (period_id, organization_id, event_id),
        FOREIGN KEY (period_id, organization_id) REFERENCES reporting.period_organizations(period_id, organization_id)
      )`);
    await q.query(`
      CREATE TABLE reporting.report_items (
        report_id uuid NOT NULL REFERENCES reporting.reports(id),
        period_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        event_id uuid NOT NULL,
        position int NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('held', 'partly', 'not_held', 'postponed')),
        held_on date,
        participants int,
        comment text,
        PRIMARY KEY (report_id, event_id),
        -- An outcome is reported only on an event the organization owes, once.
        UNIQUE (period_id, organization_id, event_id),
        FOREIGN KEY (period_id, organization_id, event_id) REFERENCES reporting.period_obligations(period_id, organization_id, event_id)
      )`);

    await q.query(`
      INSERT INTO reporting.period_events (period_id, event_id, position, number, title)
      SELECT p.id, (e.value->>'id')::uuid, e.ordinality, e.value->>'number', e.value->>'title'
      FROM reporting.periods p, jsonb_array_elements(p.events) WITH ORDINALITY e
      WHERE p.events IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO reporting.period_organizations (period_id, organization_id)
      SELECT DISTINCT p.id, (x.value->>'organizationId')::uuid FROM reporting.periods p, jsonb_array_elements(p.expected) x`);
    await q.query(`
      INSERT INTO reporting.period_obligations (period_id, organization_id, event_id)
      SELECT DISTINCT p.id, (x.value->>'organizationId')::uuid, e.value::uuid
      FROM reporting.periods p, jsonb_array_elements(p.expected) x, jsonb_array_elements_text(x.value->'eventIds') e`);
    // Events owed but missing from the period's list (periods opened before the list was recorded) get an untitled row.
    await q.query(`
      INSERT INTO reporting.period_events (period_id, event_id, position)
      SELECT o.period_id, o.event_id, 100000 + row_number() OVER (PARTITION BY o.period_id ORDER BY o.event_id)
      FROM (SELECT DISTINCT period_id, event_id FROM reporting.period_obligations) o
      WHERE NOT EXISTS (SELECT 1 FROM reporting.period_events e WHERE e.period_id = o.period_id AND e.event_id = o.event_id)`);
    await q.query(`
      INSERT INTO reporting.report_items (report_id, period_id, organization_id, event_id, position, outcome, held_on, participants, comment)
      SELECT r.id, r.period_id, r.organization_id, (i.value->>'eventId')::uuid, i.ordinality, i.value->>'outcome',
             (i.value->>'heldOn')::date, (i.value->>'participants')::int, i.value->>'comment'
      FROM reporting.reports r, jsonb_array_elements(r.items) WITH ORDINALITY i`);

    await q.query(`DROP INDEX reporting.periods_expected_idx`);
    await q.query(`ALTER TABLE reporting.periods DROP COLUMN expected, DROP COLUMN events`);
    await q.query(`ALTER TABLE reporting.reports DROP COLUMN items`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.periods ADD COLUMN expected jsonb NOT NULL DEFAULT '[]', ADD COLUMN events jsonb`);
    await q.query(`ALTER TABLE reporting.periods ALTER COLUMN expected DROP DEFAULT`);
    await q.query(`ALTER TABLE reporting.reports ADD COLUMN items jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE reporting.reports ALTER COLUMN items DROP DEFAULT`);
    await q.query(`
      UPDATE reporting.periods p SET expected = x.expected FROM (
        SELECT period_id, jsonb_agg(jsonb_build_object('organizationId', organization_id, 'eventIds', event_ids)) AS expected
        FROM (SELECT period_id, organization_id, jsonb_agg(event_id ORDER BY event_id) AS event_ids FROM reporting.period_obligations GROUP BY 1, 2) o
        GROUP BY period_id) x
      WHERE x.period_id = p.id`);
    await q.query(`
      UPDATE reporting.periods p SET events = x.events FROM (
        SELECT period_id, jsonb_agg(jsonb_build_object('id', event_id, 'number', number, 'title', title) ORDER BY position) AS events
        FROM reporting.period_events WHERE title IS NOT NULL GROUP BY period_id) x
      WHERE x.period_id = p.id`);
    await q.query(`
      UPDATE reporting.reports r SET items = x.items FROM (
        SELECT report_id, jsonb_agg(jsonb_strip_nulls(jsonb_build_object('eventId', event_id, 'outcome', outcome, 'heldOn', held_on,
               'participants', participants, 'comment', comment)) ORDER BY position) AS items
        FROM reporting.report_items GROUP BY report_id) x
      WHERE x.report_id = r.id`);
    await q.query(`CREATE INDEX periods_expected_idx ON reporting.periods USING gin (expected jsonb_path_ops)`);
    await q.query(`DROP TABLE reporting.report_items`);
    await q.query(`DROP TABLE reporting.period_obligations`);
    await q.query(`DROP TABLE reporting.period_organizations`);
    await q.query(`DROP TABLE reporting.period_events`);
  }
}

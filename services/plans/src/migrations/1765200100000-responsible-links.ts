import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each «Ответственные» string of a plan links to. Keyed by the string, not the event: the same string
 * in many events links the same way, and an edit that keeps a string keeps its link. A group is kept as the
 * group (kinds, center types), never as its members: those are counted when a reporting period opens.
 */
export class ResponsibleLinks1765200100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans.responsible_links (
        plan_id uuid NOT NULL REFERENCES plans.plans(id) ON DELETE CASCADE,
        raw text NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('resolved', 'review', 'not_reporting')),
        method text CHECK (method IN ('alias', 'exact', 'normalized', 'issuer_unit', 'group', 'fuzzy')),
        organization_ids uuid[] NOT NULL DEFAULT '{}',
        group_ref jsonb,
        member_count int,
        confidence real,
        review jsonb,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, raw, name),
        CHECK ((status = 'resolved') = (method IS NOT NULL)),
        CHECK ((method = 'group') = (group_ref IS NOT NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plans.responsible_links`);
  }
}

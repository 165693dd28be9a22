import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The production calendar an administrator keeps: a year's decree on transferring days off and the regional
 * holidays of each issuer, which deadlines are counted by; a period records when its deadline was counted
 * without the decree of its year.
 */
export class CalendarYears1765900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting.calendar_years (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source text NOT NULL,
        transfers jsonb NOT NULL,
        regional_holidays jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
    await q.query(`ALTER TABLE reporting.periods ADD COLUMN calendar_warning text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.periods DROP COLUMN calendar_warning`);
    await q.query(`DROP TABLE reporting.calendar_years`);
  }
}

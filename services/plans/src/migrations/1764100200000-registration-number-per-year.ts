import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration journal is issuer × kind × year and its numbers restart at 1 every year, so a number is unique
 * only within its year: the first order of a new year must not collide with the first order of the last one.
 * The year is the year of `registered_on`, the same year the journal row was chosen by; a number without a
 * date would escape the index, hence the check.
 */
export class RegistrationNumberPerYear1764100200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE plans.orders ADD CONSTRAINT orders_registration_dated CHECK ((registration_number IS NULL) = (registered_on IS NULL))`,
    );
    await q.query(`DROP INDEX plans.orders_registration_uniq`);
    await q.query(
      `CREATE UNIQUE INDEX orders_registration_uniq ON plans.orders (issuer_id, kind, (EXTRACT(YEAR FROM registered_on)), registration_number)
       WHERE registration_number IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plans.orders_registration_uniq`);
    await q.query(
      `CREATE UNIQUE INDEX orders_registration_uniq ON plans.orders (issuer_id, kind, registration_number) WHERE registration_number IS NOT NULL`,
    );
    await q.query(`ALTER TABLE plans.orders DROP CONSTRAINT orders_registration_dated`);
  }
}

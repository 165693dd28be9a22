import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable, dropAuditLogTable } from '@eduplan/platform';

/** Every change of plans, orders and responsible links, who made it and what it was (issue 8, item 7). */
export class PlansAuditLog1765300100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await createAuditLogTable(q, 'plans');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditLogTable(q, 'plans');
  }
}

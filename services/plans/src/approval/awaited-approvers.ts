import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AwaitedApprovers } from '@eduplan/contracts';
import { notFound } from '@eduplan/platform';
import { DataSource } from 'typeorm';

/**
 * Whom each order's active stage waits on, as its workflow reports it after every change of the route. Reports
 * are numbered: one repeated or overtaken by a newer one changes nothing, so the newest always stays.
 */
@Injectable()
export class AwaitedApproversProjection {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record({ id, seq, stage, approverIds }: AwaitedApprovers): Promise<{ recorded: boolean }> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE plans.orders SET awaiting_approver_ids = $2::uuid[], awaiting_stage = $3, awaiting_seq = $4
        WHERE id = $1 AND awaiting_seq < $4`,
      [id, approverIds, stage, seq],
    )) as [unknown, number];
    if (updated === 0 && !(await this.dataSource.query(`SELECT 1 FROM plans.orders WHERE id = $1`, [id])).length) throw notFound('Приказ', id);
    return { recorded: updated > 0 };
  }
}

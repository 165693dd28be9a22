import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApprovalStep } from '@eduplan/contracts';
import { notFound } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import { clipped, recordChange } from '../audit/plans-audit';
import { OrderEntity } from '../entities/order.entity';

/**
 * The steps people take on an order's route, reported by its workflow (which keeps the route): each is written
 * once to the plans audit log, whoever made it and for whom a substitute acted. The workflow numbers its steps,
 * so a write repeated after a lost answer finds its entry and adds none.
 */
@Injectable()
export class ApprovalJournal {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record({ id, seq, action, actor, actingFor, ...details }: ApprovalStep): Promise<{ recorded: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(OrderEntity, { id }))) throw notFound('Приказ', id);
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`approval-step:${id}`]);
      const [kept] = (await manager.query(
        `SELECT 1 FROM plans.audit_log WHERE object_type = 'order' AND object_id = $1 AND action = $2 AND (after->>'step')::int = $3 LIMIT 1`,
        [id, action, seq],
      )) as unknown[];
      if (kept) return { recorded: false };
      await recordChange(manager, { ...actor, actingFor }, {
        action,
        objectType: 'order',
        objectId: id,
        after: { step: seq, ...details, comment: clipped(details.comment) },
      });
      return { recorded: true };
    });
  }
}

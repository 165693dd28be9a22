import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApprovedDraftDto, FrozenDraft, PlanSnapshot } from '@eduplan/contracts';
import { DomainException, notFound } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { OrderEntity } from '../entities/order.entity';
import { PlanStore } from '../plan-store';
import { draftContentSha256 } from './draft-content-sha256';

/** The drafts approval rounds decide on: frozen and hashed when a round opens, read back for signing. */
@Injectable()
export class ApprovalDrafts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the plan's current version and answers its hash. The plan row is locked, so an edit running at
   * the same time is either in this version or refused by `assertPlanEditable` once the order is on approval.
   */
  freeze(orderId: string): Promise<FrozenDraft> {
    return this.dataSource.transaction(async (manager) => {
      const order = await findOrder(manager, orderId);
      if (order.status !== 'on_approval') {
        throw new DomainException('CONFLICT', `Приказ «${order.title}» не на согласовании (статус «${order.status}»): фиксировать проект нечего`);
      }
      const store = new PlanStore(manager);
      await store.lock(order.planId);
      const { row, dto } = await store.get(order.planId);
      const current: PlanSnapshot = { title: dto.title, period: dto.period, sections: dto.sections };
      await store.saveVersion(order.planId, row.version, dto.status ?? 'on_approval', current);
      // The stored snapshot, not the live rows, is what signing will render: hash exactly that.
      const stored = (await store.versionContent(order.planId, row.version))!;
      return { planVersion: row.version, contentSha256: draftContentSha256(order.toDto(), stored) };
    });
  }

  async approved(orderId: string, planVersion: number): Promise<ApprovedDraftDto> {
    const manager = this.dataSource.manager;
    const order = await findOrder(manager, orderId);
    const plan = await new PlanStore(manager).versionContent(order.planId, planVersion);
    if (!plan) throw new DomainException('NOT_FOUND', `У плана приказа «${order.title}» нет сохранённой версии ${planVersion}`);
    const dto = order.toDto();
    return { order: dto, plan, planVersion, contentSha256: draftContentSha256(dto, plan) };
  }
}

async function findOrder(manager: EntityManager, id: string): Promise<OrderEntity> {
  const order = await manager.findOneBy(OrderEntity, { id });
  if (!order) throw notFound('Приказ', id);
  return order;
}

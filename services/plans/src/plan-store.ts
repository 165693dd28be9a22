import type { PlanDto, PlanSnapshot, PlanStatus, PlanVersionDto } from '@eduplan/contracts';
import type { ImportedDocument } from '@eduplan/domain';
import { notFound } from '@eduplan/platform';
import { Not, type EntityManager } from 'typeorm';
import { OrderEntity } from './entities/order.entity';
import { PlanEventEntity } from './entities/plan-event.entity';
import { PlanVersionEntity } from './entities/plan-version.entity';
import { PlanEntity } from './entities/plan.entity';
import { SectionEntity } from './entities/section.entity';
import { planStatusOf } from './versions/plan-status';

const INSERT_CHUNK = 500;

/**
 * A plan's rows, read and written whole: its content is replaced by a snapshot in the caller's transaction,
 * ids kept, and every version's snapshot is stored beside it.
 */
export class PlanStore {
  constructor(private readonly manager: EntityManager) {}

  async create(issuerId: string, plan: PlanSnapshot, sourceDocument: ImportedDocument | null): Promise<string> {
    const row = await this.manager.save(
      this.manager.create(PlanEntity, {
        title: plan.title,
        issuerId,
        periodStart: plan.period.start,
        periodEnd: plan.period.end,
        version: 1,
        sourceDocument,
      }),
    );
    await this.insertContent(row.id, plan);
    await this.saveVersion(row.id, 1, 'draft', plan);
    return row.id;
  }

  /** The plan row locked until the transaction ends: edits of one plan queue up behind each other. */
  async lock(planId: string): Promise<PlanEntity> {
    const row = await this.manager.findOne(PlanEntity, { where: { id: planId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('План', planId);
    return row;
  }

  /** The plan's own row, without its sections and events. */
  async row(planId: string): Promise<PlanEntity> {
    const row = await this.manager.findOneBy(PlanEntity, { id: planId });
    if (!row) throw notFound('План', planId);
    return row;
  }

  async get(planId: string): Promise<{ row: PlanEntity; dto: PlanDto }> {
    const row = await this.manager.findOne(PlanEntity, { where: { id: planId }, relations: { sections: { events: true } } });
    if (!row) throw notFound('План', planId);
    return { row, dto: row.toDto(await this.status(planId)) };
  }

  async replaceContent(row: PlanEntity, plan: PlanSnapshot): Promise<void> {
    await this.manager.update(PlanEntity, { id: row.id }, { title: plan.title, periodStart: plan.period.start, periodEnd: plan.period.end, version: row.version });
    await this.manager.delete(SectionEntity, { plan: { id: row.id } });
    await this.insertContent(row.id, plan);
  }

  async status(planId: string): Promise<PlanStatus> {
    const orders = await this.manager.find(OrderEntity, { where: { planId, status: Not('cancelled') }, select: { status: true } });
    return planStatusOf(orders.map((o) => o.status));
  }

  /** Idempotent: a version already stored stays as it was. */
  async saveVersion(planId: string, version: number, status: PlanStatus, snapshot: PlanSnapshot): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .insert()
      .into(PlanVersionEntity)
      .values({ planId, version, status, snapshot })
      .orIgnore()
      .execute();
  }

  async versionContent(planId: string, version: number): Promise<PlanSnapshot | null> {
    const row = await this.manager.findOne(PlanVersionEntity, { where: { planId, version } });
    return row?.snapshot ?? null;
  }

  async versions(planId: string): Promise<PlanVersionDto[]> {
    const rows = await this.manager.find(PlanVersionEntity, {
      where: { planId },
      order: { version: 'ASC' },
      select: { planId: true, version: true, status: true, createdAt: true },
    });
    return rows.map((row) => row.toDto());
  }

  private async insertContent(planId: string, plan: PlanSnapshot): Promise<void> {
    if (plan.sections.length === 0) return;
    await this.manager.insert(
      SectionEntity,
      plan.sections.map((section, position) => ({
        id: section.id,
        plan: { id: planId },
        position,
        number: section.number,
        title: section.title,
        directionCode: section.directionCode,
      })),
    );
    const events = plan.sections.flatMap((section) =>
      section.events.map((event, position) => ({
        id: event.id,
        section: { id: section.id },
        position,
        number: event.number,
        title: event.title,
        content: event.content,
        audience: event.audience,
        deadline: event.deadline,
        responsible: event.responsible,
        expectedResult: event.expectedResult,
        subRows: event.subRows ?? [],
      })),
    );
    for (let start = 0; start < events.length; start += INSERT_CHUNK) {
      await this.manager.insert(PlanEventEntity, events.slice(start, start + INSERT_CHUNK));
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlanDto, PlanRoutes, PlanSnapshot, StaleEditDetails } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { assertWorksFor } from '../access/issuer-access';
import { assertPlanEditable } from '../approval/plan-freeze';
import { editSummary, recordChange } from '../audit/plans-audit';
import type { PlanEntity } from '../entities/plan.entity';
import { PlanStore } from '../plan-store';
import { describePlanDiff } from '../versions/describe-plan-diff';
import { diffPlans } from '../versions/plan-diff';
import { applyPlanEdit } from './apply-plan-edit';

const contentOf = ({ title, period, sections }: PlanDto): PlanSnapshot => ({ title, period, sections });

/**
 * One edit on the version it was made on. The plan row is locked for the transaction, so of two edits on
 * the same version the second is refused with what the first changed. Each edit stores a new version.
 */
@Injectable()
export class EditPlanUseCase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ planId, baseVersion, edit, actor }: z.output<typeof PlanRoutes.editPlan.request>): Promise<PlanDto> {
    await this.dataSource.transaction(async (manager) => {
      const store = new PlanStore(manager);
      assertWorksFor(actor, (await store.lock(planId)).issuerId, 'План', planId);
      await assertPlanEditable(manager, planId);
      const { row, dto } = await store.get(planId);
      const status = dto.status ?? 'draft';
      if (status === 'closed') throw new DomainException('CONFLICT', 'План закрыт вместе с приказом и больше не изменяется');
      const current = contentOf(dto);
      await store.saveVersion(planId, row.version, status, current);
      if (baseVersion !== row.version) throw await this.staleEdit(store, row, baseVersion, current);
      const created: string[] = [];
      const next = applyPlanEdit(current, edit, () => {
        created.push(randomUUID());
        return created[created.length - 1];
      });
      row.version += 1;
      await store.replaceContent(row, next);
      await store.saveVersion(planId, row.version, status, next);
      await recordChange(manager, actor, {
        action: 'plan.edit',
        objectType: 'plan',
        objectId: planId,
        before: { version: row.version - 1 },
        after: { version: row.version, ...editSummary(edit, created) },
      });
    });
    return (await new PlanStore(this.dataSource.manager).get(planId)).dto;
  }

  private async staleEdit(store: PlanStore, row: PlanEntity, baseVersion: number, current: PlanSnapshot): Promise<DomainException> {
    if (baseVersion > row.version) {
      return new DomainException('VALIDATION', `У плана нет версии ${baseVersion}: текущая версия ${row.version}. Обновите план и повторите правку`);
    }
    const base = await store.versionContent(row.id, baseVersion);
    const diff = base ? diffPlans(base, current, baseVersion, row.version) : null;
    const details: StaleEditDetails = { baseVersion, currentVersion: row.version, diff };
    const since = diff ? ` С тех пор: ${describePlanDiff(diff)}` : '';
    return new DomainException(
      'CONFLICT',
      `План уже изменён: правка сделана на версии ${baseVersion}, а текущая версия ${row.version}.${since} Обновите план и повторите правку`,
      details,
    );
  }
}

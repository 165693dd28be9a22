import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanRoutes, type Actor, type Page, type PlanDiff, type PlanDto, type PlanSummaryDto, type PlanVersionDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { DomainException, RoutePipe } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { assertMayCreateFor, assertWorksFor, listedIssuers } from './access/issuer-access';
import { planSummary, recordChange } from './audit/plans-audit';
import { snapshotFromRequest } from './content/plan-content';
import { EditPlanUseCase } from './edits/edit-plan.usecase';
import { listPlans } from './plan-list';
import { PlanStore } from './plan-store';
import { exportPlan } from './transfer/export-plan';
import { snapshotFromImport } from './transfer/snapshot-from-import';
import { diffPlans } from './versions/plan-diff';

const R = PlanRoutes;

@Controller()
export class PlansController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editPlan: EditPlanUseCase,
  ) {}

  /** The plan, its sections and events land in one transaction or not at all. */
  @MessagePattern(R.createPlan.subject)
  async create(@Payload(new RoutePipe(R.createPlan)) request: z.output<typeof R.createPlan.request>): Promise<PlanDto> {
    assertMayCreateFor(request.actor, request.issuerId);
    const plan = snapshotFromRequest(request, randomUUID);
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await new PlanStore(manager).create(request.issuerId, plan, null);
      await recordChange(manager, request.actor, { action: 'plan.create', objectType: 'plan', objectId: created, after: { issuerId: request.issuerId, ...planSummary(plan, 1) } });
      return created;
    });
    return (await this.store().get(id)).dto;
  }

  /** The same from the import JSON: every section and event or none. */
  @MessagePattern(R.importPlan.subject)
  async import(@Payload(new RoutePipe(R.importPlan)) request: z.output<typeof R.importPlan.request>): Promise<PlanDto> {
    assertMayCreateFor(request.actor, request.issuerId);
    const plan = snapshotFromImport(request.imported, randomUUID);
    const { kind, number, date } = request.imported.document;
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await new PlanStore(manager).create(request.issuerId, plan, request.imported.document);
      await recordChange(manager, request.actor, {
        action: 'plan.import',
        objectType: 'plan',
        objectId: created,
        after: { issuerId: request.issuerId, ...planSummary(plan, 1), document: { kind, number, date } },
      });
      return created;
    });
    return (await this.store().get(id)).dto;
  }

  @MessagePattern(R.getPlan.subject)
  async get(@Payload(new RoutePipe(R.getPlan)) { id, actor }: z.output<typeof R.getPlan.request>): Promise<PlanDto> {
    const { dto } = await this.store().get(id);
    assertWorksFor(actor, dto.issuerId, 'План', id);
    return dto;
  }

  @MessagePattern(R.getPlanForService.subject)
  async getForService(@Payload(new RoutePipe(R.getPlanForService)) { id }: z.output<typeof R.getPlanForService.request>): Promise<PlanDto> {
    return (await this.store().get(id)).dto;
  }

  @MessagePattern(R.listPlans.subject)
  list(@Payload(new RoutePipe(R.listPlans)) { actor, issuerId, ...page }: z.output<typeof R.listPlans.request>): Promise<Page<PlanSummaryDto>> {
    return listPlans(this.dataSource.manager, { ...page, issuerIds: listedIssuers(actor, issuerId) });
  }

  @MessagePattern(R.editPlan.subject)
  edit(@Payload(new RoutePipe(R.editPlan)) request: z.output<typeof R.editPlan.request>): Promise<PlanDto> {
    return this.editPlan.execute(request);
  }

  @MessagePattern(R.listPlanVersions.subject)
  async versions(@Payload(new RoutePipe(R.listPlanVersions)) { id, actor }: z.output<typeof R.listPlanVersions.request>): Promise<PlanVersionDto[]> {
    await this.assertReadable(actor, id);
    return this.store().versions(id);
  }

  @MessagePattern(R.diffPlanVersions.subject)
  async diff(@Payload(new RoutePipe(R.diffPlanVersions)) { planId, from, to, actor }: z.output<typeof R.diffPlanVersions.request>): Promise<PlanDiff> {
    await this.assertReadable(actor, planId);
    const store = this.store();
    const [before, after] = await Promise.all([store.versionContent(planId, from), store.versionContent(planId, to)]);
    if (!before || !after) {
      throw new DomainException('NOT_FOUND', `У плана нет версии ${before ? to : from}; список версий — GET /api/plans/${planId}/versions`);
    }
    return diffPlans(before, after, from, to);
  }

  @MessagePattern(R.exportPlan.subject)
  async export(@Payload(new RoutePipe(R.exportPlan)) { id, actor }: z.output<typeof R.exportPlan.request>): Promise<ImportedPlanFile> {
    const { row, dto } = await this.store().get(id);
    assertWorksFor(actor, row.issuerId, 'План', id);
    return exportPlan(dto, row.sourceDocument);
  }

  /** A stranger to the plan's issuer is told it is not found, before anything of it is read. */
  private async assertReadable(actor: Actor, id: string): Promise<void> {
    assertWorksFor(actor, (await this.store().row(id)).issuerId, 'План', id);
  }

  private store(): PlanStore {
    return new PlanStore(this.dataSource.manager);
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanRoutes, type Page, type PlanDiff, type PlanDto, type PlanSummaryDto, type PlanVersionDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { DomainException, RoutePipe } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
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
    const id = await this.dataSource.transaction((m) => new PlanStore(m).create(request.issuerId, snapshotFromRequest(request, randomUUID), null));
    return this.get({ id });
  }

  /** The same from the import JSON: every section and event or none. */
  @MessagePattern(R.importPlan.subject)
  async import(@Payload(new RoutePipe(R.importPlan)) request: z.output<typeof R.importPlan.request>): Promise<PlanDto> {
    const plan = snapshotFromImport(request.imported, randomUUID);
    const id = await this.dataSource.transaction((m) => new PlanStore(m).create(request.issuerId, plan, request.imported.document));
    return this.get({ id });
  }

  @MessagePattern(R.getPlan.subject)
  async get(@Payload(new RoutePipe(R.getPlan)) { id }: z.output<typeof R.getPlan.request>): Promise<PlanDto> {
    return (await this.store().get(id)).dto;
  }

  @MessagePattern(R.listPlans.subject)
  list(@Payload(new RoutePipe(R.listPlans)) request: z.output<typeof R.listPlans.request>): Promise<Page<PlanSummaryDto>> {
    return listPlans(this.dataSource.manager, request);
  }

  @MessagePattern(R.editPlan.subject)
  edit(@Payload(new RoutePipe(R.editPlan)) request: z.output<typeof R.editPlan.request>): Promise<PlanDto> {
    return this.editPlan.execute(request);
  }

  @MessagePattern(R.listPlanVersions.subject)
  versions(@Payload(new RoutePipe(R.listPlanVersions)) { id }: z.output<typeof R.listPlanVersions.request>): Promise<PlanVersionDto[]> {
    return this.store().versions(id);
  }

  @MessagePattern(R.diffPlanVersions.subject)
  async diff(@Payload(new RoutePipe(R.diffPlanVersions)) { planId, from, to }: z.output<typeof R.diffPlanVersions.request>): Promise<PlanDiff> {
    const store = this.store();
    await store.get(planId);
    const [before, after] = await Promise.all([store.versionContent(planId, from), store.versionContent(planId, to)]);
    if (!before || !after) {
      throw new DomainException('NOT_FOUND', `У плана нет версии ${before ? to : from}; список версий — GET /api/plans/${planId}/versions`);
    }
    return diffPlans(before, after, from, to);
  }

  @MessagePattern(R.exportPlan.subject)
  async export(@Payload(new RoutePipe(R.exportPlan)) { id }: z.output<typeof R.exportPlan.request>): Promise<ImportedPlanFile> {
    const { row, dto } = await this.store().get(id);
    return exportPlan(dto, row.sourceDocument);
  }

  private store(): PlanStore {
    return new PlanStore(this.dataSource.manager);
  }
}

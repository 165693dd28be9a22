import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  createOrderBody,
  decideRequest,
  DocumentRoutes,
  OrganizationRoutes,
  PlanRoutes,
  ReportingRoutes,
  resubmitRequest,
  submitOrderRequest,
  updateOrderBody,
  type Actor,
  type ApprovalStageInput,
  type DocumentDto,
  type RequestOf,
  type OrderDto,
  type OrderFiguresDto,
  type OrderMonitoringDto,
  type OrderWorkflowState,
  type Page,
  type PeriodOverdueDto,
  type PeriodReportRowDto,
  type Person,
  type ReportingPeriodDto,
} from '@eduplan/contracts';
import { todayIn } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';
import type { z } from 'zod';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignerPrecheck } from '../documents/signer-precheck';
import { PersonSnapshots } from '../people/person-snapshot';
import { DecisionRemarks } from './decision-remarks';
import { OrderWorkflows } from './order-workflows';

@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly bus: BusClient,
    private readonly workflows: OrderWorkflows,
    private readonly signers: SignerPrecheck,
    private readonly people: PersonSnapshots,
    private readonly remarks: DecisionRemarks,
  ) {}

  /** The signatory is chosen from the plan's issuer's staff (`signatoryId`); the order keeps their name and position as of now. */
  @Post()
  async create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderDto> {
    const { signatoryId, ...request } = createOrderBody.parse(body);
    const plan = await this.bus.request(PlanRoutes.getPlan, { id: request.planId, actor });
    const signatory = await this.people.of(signatoryId, 'signatoryId', plan.issuerId);
    return this.bus.request(PlanRoutes.createOrder, { ...request, signatory, actor });
  }

  /** `?issuerId=&planId=&status=&limit=&offset=`, newest first; staff see their own issuer's orders. */
  @Get()
  list(@Query() query: unknown, @CurrentActor() actor: Actor): Promise<Page<OrderDto>> {
    return this.bus.request(PlanRoutes.listOrders, { ...(query as object), actor } as RequestOf<typeof PlanRoutes.listOrders>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<OrderDto> {
    return this.bus.request(PlanRoutes.getOrder, { id, actor });
  }

  /** `{ title?, basis?, points?, place?, signatoryId? }` of a draft or returned order; the order in the URL is the one changed. */
  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderDto> {
    const { signatoryId, ...changes } = updateOrderBody.parse(body);
    let signatory: Person | undefined;
    if (signatoryId !== undefined) {
      const order = await this.bus.request(PlanRoutes.getOrder, { id, actor });
      signatory = await this.people.of(signatoryId, 'signatoryId', order.issuerId);
    }
    return this.bus.request(PlanRoutes.updateOrder, { ...changes, signatory, id, actor });
  }

  /**
   * Sends the draft on its approval route: starts the order's workflow. The route names its approvers by person
   * id (`route: [{ name, approverIds }]`); each is the issuer's employee, copied with name and position as of now.
   * Who may stand in for an absent approver is the registry's (substitutions with dates), asked when they decide.
   */
  @Post(':id/submit')
  @HttpCode(202)
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const request = submitOrderRequest.parse(body);
    // The plans service answers the order only when it may go (its issuer's staff, every responsible string linked).
    const order = await this.bus.request(PlanRoutes.readyForApproval, { id, actor });
    if (order.status !== 'draft') {
      throw new DomainException('CONFLICT', `Приказ уже направлен на согласование: статус «${order.status}»`);
    }
    const route = await this.approvalRoute(request.route, order.issuerId);
    await this.signers.assertCanSign(order);
    await this.workflows.start({
      orderId: id,
      planId: order.planId,
      issuerId: order.issuerId,
      route,
      signatory: order.signatory,
      reportDeadlineWorkingDays: request.reportDeadlineWorkingDays,
    });
    return this.workflows.state(id);
  }

  /** Where the order stands in its process; for its issuer's staff (another issuer's order is answered 404 by the plans service). */
  @Get(':id/state')
  async state(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    await this.orderOf(id, actor);
    return this.workflows.state(id);
  }

  /**
   * `{ decision, comment?, version, actingFor?, remarks? }` by the signed-in approver, or by the substitute of one
   * today; a remark with `eventId` points at a row of the plan version decided on.
   */
  @Post(':id/decisions')
  async decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const request = decideRequest.parse(body);
    const order = await this.orderOf(id, actor);
    const remarks = await this.remarks.named(order, request, actor);
    return this.workflows.decide(id, { ...request, remarks, actor });
  }

  @Post(':id/resubmit')
  async resubmit(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const request = resubmitRequest.parse(body);
    await this.orderOf(id, actor);
    return this.workflows.resubmit(id, { ...request, actor });
  }

  /** The signed-in signatory the order names signs it; their certificate is checked first, before a journal number is used up. */
  @Post(':id/sign')
  async sign(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const order = await this.orderOf(id, actor);
    // Anyone else is refused by the workflow (403), whatever their certificate.
    if (order.signatory.personId === actor.personId) await this.signers.assertCanSign(order);
    return this.workflows.sign(id, { actor });
  }

  /** After a step failed (the state's `failure` says why and what to fix): try it again. */
  @Post(':id/retry')
  async retry(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    await this.orderOf(id, actor);
    return this.workflows.retry(id, { actor });
  }

  @Get(':id/periods')
  async periods(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportingPeriodDto[]> {
    await this.orderOf(id, actor);
    return this.bus.request(ReportingRoutes.listPeriods, { orderId: id });
  }

  /** `?status=all|submitted|missing&limit=&offset=`: who reported in the period; the reporting service lets the issuer's staff only. */
  @Get(':id/periods/:periodId/reports')
  periodReports(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<Page<PeriodReportRowDto>> {
    return this.bus.request(ReportingRoutes.periodReports, { ...query, orderId, periodId, actor } as RequestOf<typeof ReportingRoutes.periodReports>);
  }

  /** `?limit=&offset=`: who is late in the period and by how many days, counted to today in the issuer's time zone. */
  @Get(':id/periods/:periodId/overdue')
  async periodOverdue(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<PeriodOverdueDto> {
    const order = await this.orderOf(orderId, actor);
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: order.issuerId });
    const today = todayIn(issuer.timeZone, new Date());
    return this.bus.request(ReportingRoutes.periodOverdue, { ...query, orderId, periodId, today, actor } as RequestOf<typeof ReportingRoutes.periodOverdue>);
  }

  /**
   * `?periodId=&limit=&offset=`: the analyst's dashboard, grouped by the reporting service (which lets the issuer's
   * staff only), with the municipalities named from the issuer's region (a region has dozens, looked up at once).
   */
  @Get(':id/monitoring')
  async monitoring(@Param('id', ParseUUIDPipe) id: string, @Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<OrderMonitoringDto> {
    const order = await this.orderOf(id, actor);
    const figures = await this.bus.request(ReportingRoutes.orderFigures, { ...query, orderId: id, actor } as RequestOf<typeof ReportingRoutes.orderFigures>);
    const names = await this.municipalityNames(order.issuerId, figures, actor);
    return { ...figures, municipalities: figures.municipalities.map((row) => ({ ...row, name: row.municipalityId ? (names.get(row.municipalityId) ?? null) : null })) };
  }

  private async municipalityNames(issuerId: string, figures: OrderFiguresDto, actor: Actor): Promise<Map<string, string>> {
    if (!figures.municipalities.some((row) => row.municipalityId)) return new Map();
    const { regionId } = await this.bus.request(OrganizationRoutes.get, { id: issuerId });
    if (!regionId) return new Map();
    const municipalities = await this.bus.request(OrganizationRoutes.listMunicipalities, { regionId, actor });
    return new Map(municipalities.map((m) => [m.id, m.name]));
  }

  /** The analyst closes a period before its deadline; the workflow then writes the quarterly memo. */
  @Post(':id/periods/:periodId/close')
  @HttpCode(202)
  async closePeriod(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
    @CurrentActor() actor: Actor,
  ): Promise<{ accepted: true }> {
    await this.orderOf(id, actor);
    const period = await this.bus.request(ReportingRoutes.getPeriod, { id: periodId });
    if (period.orderId !== id) throw new DomainException('NOT_FOUND', 'Период не относится к этому приказу');
    await this.workflows.closePeriod(id, periodId);
    return { accepted: true };
  }

  /** The order's documents the person may read (the documents service decides: the issuer's staff read them all). */
  @Get(':id/documents')
  async documents(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<DocumentDto[]> {
    await this.orderOf(id, actor);
    return this.bus.request(DocumentRoutes.listForSubject, { subjectId: id, actor });
  }

  /** The order, when the person works for its issuer: the plans service answers anyone else 404, as for no order at all. */
  private orderOf(id: string, actor: Actor): Promise<OrderDto> {
    return this.bus.request(PlanRoutes.getOrder, { id, actor });
  }

  /** Every approver looked up in the registry: the issuer's employees still at work, each once per stage. */
  private async approvalRoute(stages: z.output<typeof submitOrderRequest>['route'], issuerId: string): Promise<ApprovalStageInput[]> {
    const route: ApprovalStageInput[] = [];
    for (const [s, stage] of stages.entries()) {
      const seen = new Set<string>();
      const approvers: Person[] = [];
      for (const [a, personId] of stage.approverIds.entries()) {
        const field = `route[${s}].approverIds[${a}] (этап «${stage.name}», согласующий № ${a + 1})`;
        if (seen.has(personId)) throw new DomainException('VALIDATION', `${field}: сотрудник уже указан в этом этапе — уберите повтор`);
        seen.add(personId);
        approvers.push(await this.people.of(personId, field, issuerId));
      }
      route.push({ name: stage.name, approvers });
    }
    return route;
  }
}

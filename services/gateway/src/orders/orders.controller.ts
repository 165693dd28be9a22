import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  createOrderBody,
  decideRequest,
  DocumentRoutes,
  PlanRoutes,
  ReportingRoutes,
  resubmitRequest,
  retryRequest,
  signRequest,
  submitOrderRequest,
  updateOrderBody,
  type Actor,
  type DocumentDto,
  type RequestOf,
  type OrderDto,
  type OrderWorkflowState,
  type Page,
  type Person,
  type ReportingPeriodDto,
} from '@eduplan/contracts';
import { BusClient, DomainException } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SignerPrecheck } from '../documents/signer-precheck';
import { PersonSnapshots } from '../people/person-snapshot';
import { OrderWorkflows } from './order-workflows';

@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly bus: BusClient,
    private readonly workflows: OrderWorkflows,
    private readonly signers: SignerPrecheck,
    private readonly people: PersonSnapshots,
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

  /** Sends the draft on its approval route: starts the order's workflow. */
  @Post(':id/submit')
  @HttpCode(202)
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const request = submitOrderRequest.parse(body);
    // The plans service answers the order only when it may go (its issuer's staff, every responsible string linked).
    const order = await this.bus.request(PlanRoutes.readyForApproval, { id, actor });
    if (order.status !== 'draft') {
      throw new DomainException('CONFLICT', `Приказ уже направлен на согласование: статус «${order.status}»`);
    }
    await this.signers.assertCanSign(order);
    await this.workflows.start({
      orderId: id,
      planId: order.planId,
      route: request.route,
      signatory: order.signatory,
      reportDeadlineWorkingDays: request.reportDeadlineWorkingDays,
    });
    return this.workflows.state(id);
  }

  @Get(':id/state')
  state(@Param('id', ParseUUIDPipe) id: string): Promise<OrderWorkflowState> {
    return this.workflows.state(id);
  }

  @Post(':id/decisions')
  decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderWorkflowState> {
    return this.workflows.decide(id, decideRequest.parse(body));
  }

  @Post(':id/resubmit')
  resubmit(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderWorkflowState> {
    return this.workflows.resubmit(id, resubmitRequest.parse(body));
  }

  @Post(':id/sign')
  async sign(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<OrderWorkflowState> {
    const request = signRequest.parse(body);
    await this.signers.assertCanSign(await this.bus.request(PlanRoutes.getOrder, { id, actor }));
    return this.workflows.sign(id, request);
  }

  /** After a step failed (the state's `failure` says why and what to fix): try it again. */
  @Post(':id/retry')
  retry(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderWorkflowState> {
    return this.workflows.retry(id, retryRequest.parse(body));
  }

  @Get(':id/periods')
  periods(@Param('id', ParseUUIDPipe) id: string): Promise<ReportingPeriodDto[]> {
    return this.bus.request(ReportingRoutes.listPeriods, { orderId: id });
  }

  /** The analyst closes a period before its deadline; the workflow then writes the quarterly memo. */
  @Post(':id/periods/:periodId/close')
  @HttpCode(202)
  async closePeriod(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('periodId', ParseUUIDPipe) periodId: string,
  ): Promise<{ accepted: true }> {
    const period = await this.bus.request(ReportingRoutes.getPeriod, { id: periodId });
    if (period.orderId !== id) throw new DomainException('NOT_FOUND', 'Период не относится к этому приказу');
    await this.workflows.closePeriod(id, periodId);
    return { accepted: true };
  }

  @Get(':id/documents')
  documents(@Param('id', ParseUUIDPipe) id: string): Promise<DocumentDto[]> {
    return this.bus.request(DocumentRoutes.listForSubject, { subjectId: id });
  }
}

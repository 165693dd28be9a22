import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  decideRequest,
  DocumentRoutes,
  PlanRoutes,
  ReportingRoutes,
  resubmitRequest,
  retryRequest,
  signRequest,
  submitOrderRequest,
  type DocumentDto,
  type RequestOf,
  type OrderDto,
  type OrderWorkflowState,
  type Page,
  type ReportingPeriodDto,
} from '@eduplan/contracts';
import { BusClient, DomainException } from '@eduplan/platform';
import { SignerPrecheck } from '../documents/signer-precheck';
import { PlanResponsibleLinker } from '../plans/plan-responsible-linker';
import { OrderWorkflows } from './order-workflows';

@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly bus: BusClient,
    private readonly workflows: OrderWorkflows,
    private readonly signers: SignerPrecheck,
    private readonly responsible: PlanResponsibleLinker,
  ) {}

  @Post()
  create(@Body() body: unknown): Promise<OrderDto> {
    return this.bus.request(PlanRoutes.createOrder, body as RequestOf<typeof PlanRoutes.createOrder>);
  }

  /** `?issuerId=&planId=&status=&limit=&offset=`, newest first. */
  @Get()
  list(@Query() query: unknown): Promise<Page<OrderDto>> {
    return this.bus.request(PlanRoutes.listOrders, query as RequestOf<typeof PlanRoutes.listOrders>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrderDto> {
    return this.bus.request(PlanRoutes.getOrder, { id });
  }

  /** `{ title?, basis?, points?, place?, signatory? }` of a draft or returned order; the order in the URL is the one changed. */
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderDto> {
    return this.bus.request(PlanRoutes.updateOrder, { ...(body as object), id } as RequestOf<typeof PlanRoutes.updateOrder>);
  }

  /** Sends the draft on its approval route: starts the order's workflow. */
  @Post(':id/submit')
  @HttpCode(202)
  async submit(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderWorkflowState> {
    const request = submitOrderRequest.parse(body);
    const order = await this.bus.request(PlanRoutes.getOrder, { id });
    if (order.status !== 'draft') {
      throw new DomainException('CONFLICT', `Приказ уже направлен на согласование: статус «${order.status}»`);
    }
    await this.signers.assertCanSign(order);
    await this.responsible.assertLinked(order.planId);
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
  async sign(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown): Promise<OrderWorkflowState> {
    const request = signRequest.parse(body);
    await this.signers.assertCanSign(await this.bus.request(PlanRoutes.getOrder, { id }));
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

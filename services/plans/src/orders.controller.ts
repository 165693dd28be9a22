import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { PlanRoutes, type OrderDto, type OrderStatus, type Page } from '@eduplan/contracts';
import { defaultOrderPoints } from '@eduplan/domain';
import { DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, Repository } from 'typeorm';
import type { z } from 'zod';
import { OrderEntity } from './entities/order.entity';
import { PlanEntity } from './entities/plan.entity';
import { RegistrationJournal } from './registration-journal';

const R = PlanRoutes;
const FINAL_STATUSES = new Set(['closed', 'cancelled']);
/** The text is the author's while it is not before approvers or signed; a returned order is being revised. */
const EDITABLE_STATUSES = new Set<OrderStatus>(['draft', 'returned']);

@Controller()
export class OrdersController {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: RegistrationJournal,
  ) {}

  @MessagePattern(R.createOrder.subject)
  async create(@Payload(new RoutePipe(R.createOrder)) request: z.output<typeof R.createOrder.request>): Promise<OrderDto> {
    const plan = await this.plans.findOneBy({ id: request.planId });
    if (!plan) throw notFound('План', request.planId);
    const order = this.orders.create({
      ...request,
      issuerId: plan.issuerId,
      place: request.place ?? null,
      basis: request.basis ?? null,
      points: request.points ?? defaultOrderPoints(request.kind, plan.title),
      status: 'draft',
      registrationNumber: null,
      registeredOn: null,
    });
    return (await this.orders.save(order)).toDto();
  }

  @MessagePattern(R.getOrder.subject)
  async get(@Payload(new RoutePipe(R.getOrder)) { id }: z.output<typeof R.getOrder.request>): Promise<OrderDto> {
    return (await this.find(id)).toDto();
  }

  @MessagePattern(R.listOrders.subject)
  async list(@Payload(new RoutePipe(R.listOrders)) request: z.output<typeof R.listOrders.request>): Promise<Page<OrderDto>> {
    const { limit, offset, ...filter } = request;
    const where = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    const [rows, total] = await this.orders.findAndCount({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
    return { items: rows.map((row) => row.toDto()), total };
  }

  /**
   * The order row is locked while it is checked and changed, so a status change (the order sent for
   * approval) waits and the edit never lands on an order already before approvers.
   */
  @MessagePattern(R.updateOrder.subject)
  update(@Payload(new RoutePipe(R.updateOrder)) request: z.output<typeof R.updateOrder.request>): Promise<OrderDto> {
    return this.dataSource.transaction(async (tx) => {
      const order = await tx.findOne(OrderEntity, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw notFound('Приказ', request.id);
      if (!EDITABLE_STATUSES.has(order.status)) {
        throw new DomainException(
          'CONFLICT',
          `Приказ уже не проект: статус «${order.status}». Изменить текст можно только в проекте или после возврата на доработку`,
        );
      }
      if (request.signatory && order.status !== 'draft' && request.signatory.userId !== order.signatory.userId) {
        throw new DomainException(
          'CONFLICT',
          'Подписанта можно сменить только до направления приказа на согласование: маршрут согласования уже назначил подписывающего',
        );
      }
      Object.assign(order, Object.fromEntries(Object.entries(request).filter(([field, value]) => field !== 'id' && value !== undefined)));
      return (await tx.save(order)).toDto();
    });
  }

  @MessagePattern(R.setOrderStatus.subject)
  async setStatus(
    @Payload(new RoutePipe(R.setOrderStatus)) { id, status }: z.output<typeof R.setOrderStatus.request>,
  ): Promise<OrderDto> {
    const order = await this.find(id);
    if (order.status !== status && FINAL_STATUSES.has(order.status)) {
      throw new DomainException('CONFLICT', `Приказ уже в конечном состоянии «${order.status}», статус не меняется`);
    }
    order.status = status;
    return (await this.orders.save(order)).toDto();
  }

  @MessagePattern(R.registerOrder.subject)
  register(@Payload(new RoutePipe(R.registerOrder)) request: z.output<typeof R.registerOrder.request>): Promise<OrderDto> {
    return this.journal.register(request.id, request.registeredOn);
  }

  private async find(id: string): Promise<OrderEntity> {
    const order = await this.orders.findOneBy({ id });
    if (!order) throw notFound('Приказ', id);
    return order;
  }
}

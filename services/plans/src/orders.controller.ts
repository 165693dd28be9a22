import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import { PlanRoutes, type OrderDto, type Page } from '@eduplan/contracts';
import { DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { Repository } from 'typeorm';
import type { z } from 'zod';
import { OrderEntity } from './entities/order.entity';
import { PlanEntity } from './entities/plan.entity';
import { RegistrationJournal } from './registration-journal';

const R = PlanRoutes;
const FINAL_STATUSES = new Set(['closed', 'cancelled']);

@Controller()
export class OrdersController {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(PlanEntity) private readonly plans: Repository<PlanEntity>,
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

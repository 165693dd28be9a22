import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanRoutes, type Actor, type OrderDto, type OrderStatus, type OrderTasksDto, type Page } from '@eduplan/contracts';
import { defaultOrderPoints } from '@eduplan/domain';
import { DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { assertWorksFor, listedIssuers } from './access/issuer-access';
import { clipped, ORDER_FIELDS, orderFields, recordChange } from './audit/plans-audit';
import { OrderEntity } from './entities/order.entity';
import { listOrders } from './order-list';
import { orderTasks } from './order-tasks';
import { PlanStore } from './plan-store';
import { RegistrationJournal } from './registration-journal';
import { PlanLinks } from './responsible/plan-links';

const R = PlanRoutes;
const FINAL_STATUSES = new Set(['closed', 'cancelled']);
/** The text is the author's while it is not before approvers or signed; a returned order is being revised. */
const EDITABLE_STATUSES = new Set<OrderStatus>(['draft', 'returned']);

@Controller()
export class OrdersController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: RegistrationJournal,
  ) {}

  @MessagePattern(R.createOrder.subject)
  create(@Payload(new RoutePipe(R.createOrder)) { actor, ...request }: z.output<typeof R.createOrder.request>): Promise<OrderDto> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await new PlanStore(manager).row(request.planId);
      assertWorksFor(actor, plan.issuerId, 'План', request.planId);
      const order = await manager.save(
        manager.create(OrderEntity, {
          ...request,
          issuerId: plan.issuerId,
          place: request.place ?? null,
          basis: request.basis ?? null,
          points: request.points ?? defaultOrderPoints(request.kind, plan.title),
          status: 'draft',
          registrationNumber: null,
          registeredOn: null,
        }),
      );
      await recordChange(manager, actor, {
        action: 'order.create',
        objectType: 'order',
        objectId: order.id,
        after: { planId: order.planId, kind: order.kind, status: order.status, ...orderFields(order, ORDER_FIELDS) },
      });
      return order.toDto();
    });
  }

  @MessagePattern(R.getOrder.subject)
  async get(@Payload(new RoutePipe(R.getOrder)) { id, actor }: z.output<typeof R.getOrder.request>): Promise<OrderDto> {
    return (await this.readable(this.dataSource.manager, actor, id)).toDto();
  }

  @MessagePattern(R.getOrderForService.subject)
  async getForService(@Payload(new RoutePipe(R.getOrderForService)) { id }: z.output<typeof R.getOrderForService.request>): Promise<OrderDto> {
    return (await find(this.dataSource.manager, id)).toDto();
  }

  @MessagePattern(R.orderTasks.subject)
  tasks(@Payload(new RoutePipe(R.orderTasks)) { actor, standsInFor, limit }: z.output<typeof R.orderTasks.request>): Promise<OrderTasksDto> {
    return orderTasks(this.dataSource.manager, actor, standsInFor, limit);
  }

  @MessagePattern(R.listOrders.subject)
  list(@Payload(new RoutePipe(R.listOrders)) { actor, issuerId, ...request }: z.output<typeof R.listOrders.request>): Promise<Page<OrderDto>> {
    return listOrders(this.dataSource.manager, listedIssuers(actor, issuerId), request);
  }

  /**
   * The order row is locked while it is checked and changed, so a status change (the order sent for
   * approval) waits and the edit never lands on an order already before approvers.
   */
  @MessagePattern(R.updateOrder.subject)
  update(@Payload(new RoutePipe(R.updateOrder)) { actor, id, ...changes }: z.output<typeof R.updateOrder.request>): Promise<OrderDto> {
    return this.dataSource.transaction(async (manager) => {
      const order = await this.readable(manager, actor, id, true);
      if (!EDITABLE_STATUSES.has(order.status)) {
        throw new DomainException(
          'CONFLICT',
          `Приказ уже не проект: статус «${order.status}». Изменить текст можно только в проекте или после возврата на доработку`,
        );
      }
      if (changes.signatory && order.status !== 'draft' && changes.signatory.personId !== order.signatory.personId) {
        throw new DomainException(
          'CONFLICT',
          'Подписанта можно сменить только до направления приказа на согласование: маршрут согласования уже назначил подписывающего',
        );
      }
      const changed = ORDER_FIELDS.filter((field) => changes[field] !== undefined);
      const before = orderFields(order, changed);
      Object.assign(order, Object.fromEntries(changed.map((field) => [field, changes[field]])));
      const saved = await manager.save(order);
      await recordChange(manager, actor, { action: 'order.update', objectType: 'order', objectId: id, before, after: orderFields(saved, changed) });
      return saved.toDto();
    });
  }

  @MessagePattern(R.readyForApproval.subject)
  async readyForApproval(@Payload(new RoutePipe(R.readyForApproval)) { id, actor }: z.output<typeof R.readyForApproval.request>): Promise<OrderDto> {
    const manager = this.dataSource.manager;
    const order = await this.readable(manager, actor, id);
    if (!EDITABLE_STATUSES.has(order.status)) {
      throw new DomainException('CONFLICT', `Приказ «${clipped(order.title)}» уже направлен на согласование: статус «${order.status}»`);
    }
    await new PlanLinks(manager).assertAllLinked(order.planId);
    return order.toDto();
  }

  /**
   * A step of the order workflow. The move to `on_approval` is refused while a responsible string of the
   * plan is unresolved, whoever started the workflow; the workflow then shows the failure until a person
   * resolves the strings and retries.
   */
  @MessagePattern(R.setOrderStatus.subject)
  setStatus(@Payload(new RoutePipe(R.setOrderStatus)) { id, status }: z.output<typeof R.setOrderStatus.request>): Promise<OrderDto> {
    return this.dataSource.transaction(async (manager) => {
      const order = await find(manager, id, true);
      if (order.status === status) return order.toDto();
      if (FINAL_STATUSES.has(order.status)) {
        throw new DomainException('CONFLICT', `Приказ уже в конечном состоянии «${order.status}», статус не меняется`);
      }
      if (status === 'on_approval' && EDITABLE_STATUSES.has(order.status)) await new PlanLinks(manager).assertAllLinked(order.planId);
      const before = order.status;
      order.status = status;
      const saved = await manager.save(order);
      await recordChange(manager, null, { action: 'order.status', objectType: 'order', objectId: id, before: { status: before }, after: { status } });
      return saved.toDto();
    });
  }

  @MessagePattern(R.registerOrder.subject)
  register(@Payload(new RoutePipe(R.registerOrder)) request: z.output<typeof R.registerOrder.request>): Promise<OrderDto> {
    return this.journal.register(request.id, request.registeredOn);
  }

  @MessagePattern(R.journal.subject)
  journalEntries(@Payload(new RoutePipe(R.journal)) { actor, ...request }: z.output<typeof R.journal.request>): Promise<Page<OrderDto>> {
    return this.journal.entries(actor, request);
  }

  /** The order, if the actor works for its issuer; a stranger is told it is not found. */
  private async readable(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<OrderEntity> {
    const order = await find(manager, id, lock);
    assertWorksFor(actor, order.issuerId, 'Приказ', id);
    return order;
  }
}

async function find(manager: EntityManager, id: string, lock = false): Promise<OrderEntity> {
  const order = await manager.findOne(OrderEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!order) throw notFound('Приказ', id);
  return order;
}

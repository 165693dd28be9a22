import type { OrderStatus } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { In, type EntityManager } from 'typeorm';
import { OrderEntity } from '../entities/order.entity';

/** The plan is what approvers are deciding on (or have decided on): it changes only after a return. */
const UNDER_APPROVAL: Partial<Record<OrderStatus, string>> = {
  on_approval: 'на согласовании',
  approved: 'согласован',
  signing: 'на подписании',
  signed: 'подписан',
};
/** The plan is in force: it changes only through an amending order. */
const IN_FORCE: Partial<Record<OrderStatus, string>> = {
  in_force: 'действует',
  final_report: 'действует (итоговый отчёт)',
  amended: 'действует с изменениями',
};

const named = (order: OrderEntity) => `«${order.title}»${order.registrationNumber ? ` № ${order.registrationNumber}` : ''}`;

/**
 * Refuses an edit of a plan that an order has frozen. Call it with the plan row locked, so an order that
 * goes on approval at the same time either sees the edit in its frozen version or refuses it here.
 */
export async function assertPlanEditable(manager: EntityManager, planId: string): Promise<void> {
  const statuses = [...Object.keys(UNDER_APPROVAL), ...Object.keys(IN_FORCE)] as OrderStatus[];
  const orders = await manager.find(OrderEntity, { where: { planId, status: In(statuses) }, order: { createdAt: 'ASC' } });
  const inForce = orders.find((o) => IN_FORCE[o.status]);
  if (inForce) {
    throw new DomainException(
      'CONFLICT',
      `План утверждён приказом ${named(inForce)} (${IN_FORCE[inForce.status]}): изменить его можно только приказом о внесении изменений, а такие приказы пока не поддерживаются`,
      { orderId: inForce.id, orderStatus: inForce.status },
    );
  }
  const frozen = orders.find((o) => UNDER_APPROVAL[o.status]);
  if (frozen) {
    throw new DomainException(
      'CONFLICT',
      `План нельзя изменить: приказ ${named(frozen)}, утверждающий его, ${UNDER_APPROVAL[frozen.status]}. Правки вносятся после возврата приказа на доработку`,
      { orderId: frozen.id, orderStatus: frozen.status },
    );
  }
}

import { holdsRole, type Actor, type OrderDto, type OrderTasksDto, type TaskList } from '@eduplan/contracts';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { listedIssuers } from './access/issuer-access';
import { OrderEntity } from './entities/order.entity';

const none: TaskList<OrderDto> = { count: 0, items: [] };

/**
 * The orders of the actor's issuer waiting on them, one indexed query per list: to decide on (the active stage
 * waits on them, or on someone they stand in for today), to sign (they are the signatory), to register (a
 * registrar: signed, no number yet), to revise (an editor: returned). A list their roles do not give is empty.
 */
export async function orderTasks(manager: EntityManager, actor: Actor, standsInFor: string[], limit: number): Promise<OrderTasksDto> {
  const issuers = listedIssuers(actor, undefined);
  const orders = (status: OrderDto['status']) => {
    const query = manager.createQueryBuilder(OrderEntity, 'o').where('o.status = :status', { status });
    return issuers === null ? query : query.andWhere('o.issuerId = ANY(:issuers)', { issuers });
  };
  const page = async (query: SelectQueryBuilder<OrderEntity>): Promise<TaskList<OrderDto>> => {
    const [rows, count] = await query.orderBy('o.createdAt', 'ASC').addOrderBy('o.id', 'ASC').take(limit).getManyAndCount();
    return { count, items: rows.map((row) => row.toDto()) };
  };
  const deciders = [...new Set([...(actor.personId ? [actor.personId] : []), ...standsInFor])];
  const [toDecide, toSign, toRegister, toRevise] = await Promise.all([
    deciders.length ? page(orders('on_approval').andWhere('o.awaitingApproverIds && CAST(:deciders AS uuid[])', { deciders })) : none,
    holdsRole(actor, ['signatory']) && actor.personId
      ? page(orders('signing').andWhere(`o.signatory ->> 'personId' = :personId`, { personId: actor.personId }))
      : none,
    holdsRole(actor, ['registrar']) ? page(orders('signed').andWhere('o.registrationNumber IS NULL')) : none,
    holdsRole(actor, ['editor']) ? page(orders('returned')) : none,
  ]);
  return { toDecide, toSign, toRegister, toRevise };
}

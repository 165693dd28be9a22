import type { OrderDto, Page, PlanRoutes } from '@eduplan/contracts';
import { likeEscaped } from '@eduplan/platform';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { OrderEntity } from './entities/order.entity';

type ListOrders = Omit<z.output<typeof PlanRoutes.listOrders.request>, 'actor' | 'issuerId'>;

/** Registration: the date, then the number as a number where it is one; unregistered orders come last either way. */
const SORTS: Record<ListOrders['sort'], string[]> = {
  created: ['o.createdAt'],
  title: ['lower(o.title)'],
  status: ['o.status'],
  registered: ['o.registeredOn', `NULLIF(substring(o.registrationNumber from '^[0-9]+'), '')::int`, 'o.registrationNumber'],
};

/**
 * A page of orders of the given issuers (`null`: every issuer), searched in the title and the registration number,
 * narrowed and ordered in SQL before the page is cut.
 */
export async function listOrders(manager: EntityManager, issuers: string[] | null, request: ListOrders): Promise<Page<OrderDto>> {
  const { limit, offset, q, year, sort, dir, ...filter } = request;
  const query = manager.createQueryBuilder(OrderEntity, 'o');
  if (issuers !== null) query.andWhere('o.issuerId = ANY(:issuers)', { issuers });
  for (const field of ['planId', 'status', 'kind'] as const) {
    if (filter[field] !== undefined) query.andWhere(`o.${field} = :${field}`, { [field]: filter[field] });
  }
  const words = q?.toLowerCase();
  if (words) {
    query.andWhere(`(lower(o.title) LIKE :pattern OR lower(coalesce(o.registrationNumber, '')) LIKE :pattern)`, { pattern: `%${likeEscaped(words)}%` });
  }
  if (year !== undefined) {
    query.andWhere(`coalesce(extract(year FROM o.registeredOn), extract(year FROM o.createdAt AT TIME ZONE 'UTC')) = :year`, { year });
  }
  const direction = (dir ?? (sort === 'created' ? 'desc' : 'asc')).toUpperCase() as 'ASC' | 'DESC';
  SORTS[sort].forEach((column, i) => (i === 0 ? query.orderBy(column, direction, 'NULLS LAST') : query.addOrderBy(column, direction, 'NULLS LAST')));
  const [rows, total] = await query.addOrderBy('o.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  return { items: rows.map((row) => row.toDto()), total };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { worksForIssuer, type Actor, type OrderDto, type Page, type PlanRoutes } from '@eduplan/contracts';
import { DomainException, notFound } from '@eduplan/platform';
import type { z } from 'zod';
import { DataSource } from 'typeorm';
import { recordChange } from './audit/plans-audit';
import { OrderEntity } from './entities/order.entity';

/** The issuer's registration journal: one sequence per issuer, kind of act and year. */
@Injectable()
export class RegistrationJournal {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Gives the order the next number in one transaction: the order row is locked first, so a repeated
   * call (a retried activity) returns the number already given instead of taking another.
   */
  register(orderId: string, registeredOn: string): Promise<OrderDto> {
    return this.dataSource.transaction(async (tx) => {
      const order = await tx.findOne(OrderEntity, { where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
      if (!order) throw notFound('Приказ', orderId);
      if (order.registrationNumber) return order.toDto();
      if (order.status !== 'signed') {
        throw new DomainException('CONFLICT', `Зарегистрировать можно только подписанный приказ; сейчас «${order.status}»`);
      }
      const [{ last_number: next }] = (await tx.query(
        `INSERT INTO plans.registration_journals (issuer_id, kind, year, last_number) VALUES ($1, $2, $3, 1)
         ON CONFLICT (issuer_id, kind, year) DO UPDATE SET last_number = plans.registration_journals.last_number + 1
         RETURNING last_number`,
        [order.issuerId, order.kind, Number(registeredOn.slice(0, 4))],
      )) as { last_number: number }[];
      order.registrationNumber = String(next);
      order.registeredOn = registeredOn;
      const saved = await tx.save(order);
      await recordChange(tx, null, { action: 'order.register', objectType: 'order', objectId: orderId, after: { registrationNumber: saved.registrationNumber, registeredOn } });
      return saved.toDto();
    });
  }

  /**
   * The journal as a registrar reads it: the issuer's registered acts by year, kind and number (numbers compared as
   * numbers). Only the issuer's own staff (and the administrator) read it.
   */
  async entries(actor: Actor, request: Omit<z.output<typeof PlanRoutes.journal.request>, 'actor'>): Promise<Page<OrderDto>> {
    if (!worksForIssuer(actor, request.issuerId)) {
      throw new DomainException('FORBIDDEN', 'Журнал регистрации организации открыт только её сотрудникам: выберите свою организацию');
    }
    const query = this.dataSource.manager
      .createQueryBuilder(OrderEntity, 'o')
      .where('o.issuerId = :issuerId', { issuerId: request.issuerId })
      .andWhere('o.registrationNumber IS NOT NULL');
    if (request.kind) query.andWhere('o.kind = :kind', { kind: request.kind });
    if (request.year !== undefined) query.andWhere('extract(year FROM o.registeredOn) = :year', { year: request.year });
    const [rows, total] = await query
      .orderBy('extract(year FROM o.registeredOn)', 'ASC')
      .addOrderBy('o.kind', 'ASC')
      .addOrderBy(`NULLIF(substring(o.registrationNumber from '^[0-9]+'), '')::int`, 'ASC', 'NULLS LAST')
      .addOrderBy('o.registrationNumber', 'ASC')
      .take(request.limit)
      .skip(request.offset)
      .getManyAndCount();
    return { items: rows.map((row) => row.toDto()), total };
  }
}

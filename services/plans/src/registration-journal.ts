import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderDto } from '@eduplan/contracts';
import { DomainException, notFound } from '@eduplan/platform';
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
}

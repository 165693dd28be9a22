import { Injectable } from '@nestjs/common';
import { OrganizationRoutes, PlanRoutes, type DocumentDto, type OrderDto, type OrderStatus } from '@eduplan/contracts';
import { BusClient, BusRequestError } from '@eduplan/platform';

/** What a citizen checking a document needs to know of the act it belongs to. */
export interface IssuedActDto {
  /** «Приказ» or «Распоряжение». */
  kind: string;
  title: string;
  registrationNumber: string | null;
  registeredOn: string | null;
  issuer: string;
  status: OrderStatus;
  inForce: boolean;
  /** Russian: whether it is in force, in words. */
  statusText: string;
}

const IN_FORCE = new Set<OrderStatus>(['signed', 'in_force', 'final_report', 'closed', 'amended']);

const STATUS_TEXT: Record<OrderStatus, string> = {
  draft: 'не действует: это проект, он не подписан',
  on_approval: 'не действует: проект на согласовании, не подписан',
  returned: 'не действует: проект возвращён на доработку, не подписан',
  approved: 'не действует: проект согласован, но ещё не подписан',
  signing: 'не действует: проект ещё не подписан',
  signed: 'действует: подписан и зарегистрирован',
  in_force: 'действует',
  final_report: 'действует (подводятся итоги мониторинга)',
  closed: 'действует (мониторинг исполнения завершён)',
  cancelled: 'не действует: отменён',
  amended: 'действует с изменениями, внесёнными последующим приказом',
};

/**
 * The order a stored document belongs to, composed here from the plans and organizations services: the
 * documents service knows files, not acts.
 */
@Injectable()
export class IssuedActs {
  constructor(private readonly bus: BusClient) {}

  async of(document: DocumentDto | null): Promise<IssuedActDto | null> {
    if (!document) return null;
    const order = await this.orderOrNull(document.subjectId);
    if (!order) return null;
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: order.issuerId });
    return {
      kind: order.kind === 'prikaz' ? 'Приказ' : 'Распоряжение',
      title: order.title,
      registrationNumber: order.registrationNumber,
      registeredOn: order.registeredOn,
      issuer: issuer.name,
      status: order.status,
      inForce: IN_FORCE.has(order.status),
      statusText: STATUS_TEXT[order.status],
    };
  }

  private async orderOrNull(id: string): Promise<OrderDto | null> {
    try {
      return await this.bus.request(PlanRoutes.getOrderForService, { id });
    } catch (error) {
      if (error instanceof BusRequestError && error.payload.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DocumentRoutes, OrganizationRoutes, type OrderDto } from '@eduplan/contracts';
import { todayIn } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';

/**
 * Asks the documents service, before anything starts, whether the order's signatory has a registered certificate
 * valid today (in the issuer's time zone): a signing that cannot succeed is refused before a journal number is
 * used up, and an author learns it when sending the draft for approval rather than at the end of the route.
 */
@Injectable()
export class SignerPrecheck {
  constructor(private readonly bus: BusClient) {}

  async assertCanSign(order: OrderDto): Promise<void> {
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: order.issuerId });
    const check = await this.bus.request(DocumentRoutes.checkSigner, {
      personId: order.signatory.personId,
      on: todayIn(issuer.timeZone, new Date()),
    });
    if (!check.canSign) throw new DomainException('CONFLICT', `Подписание невозможно (подписант ${order.signatory.name}). ${check.reason ?? ''}`.trim());
  }
}

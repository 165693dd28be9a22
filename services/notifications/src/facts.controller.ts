import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  approvalStageStartedEvent,
  orderAwaitingSignatureEvent,
  OrderEvents,
  orderRegisteredEvent,
  orderReturnedEvent,
  overdueDigestEvent,
  periodOpenedEvent,
  PeriodEvents,
  RecipientRoutes,
  reminderDueEvent,
  type RecipientDto,
} from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { z } from 'zod';
import { EmailOutbox } from './email-outbox';
import { noticeTexts, type NoticeText } from './notification-texts';
import { NotificationStore } from './notification-store';

type Recipients = z.input<typeof RecipientRoutes.resolve.request>;

/** Waits between asking the registry again when it does not answer: a fact is heard once. */
const RESOLVE_RETRY_MS = [1000, 3000];

/**
 * Turns the facts other services state into notices, one per account to tell: approvers of a stage that has
 * started, the issuer's editors when an order is returned or registered, the signatory, the reporters of
 * the organizations a period expects (and of those that have not reported as the deadline nears), and the
 * issuer's analysts once a deadline has passed with reports missing. The facts say what happened; whom it concerns is decided here.
 */
@Controller()
export class FactsController {
  private readonly log = new Logger('facts');

  constructor(
    private readonly bus: BusClient,
    private readonly store: NotificationStore,
    private readonly outbox: EmailOutbox,
  ) {}

  @EventPattern(OrderEvents.approvalStageStarted)
  stageStarted(@Payload() payload: unknown): Promise<void> {
    return this.hear(OrderEvents.approvalStageStarted, approvalStageStartedEvent, payload, (e) => ({
      factKey: `stage:${e.orderId}:${e.round}:${e.stageIndex}`,
      recipients: { personIds: e.approverIds },
      notice: noticeTexts.approvalStage(e),
    }));
  }

  @EventPattern(OrderEvents.returned)
  returned(@Payload() payload: unknown): Promise<void> {
    return this.hear(OrderEvents.returned, orderReturnedEvent, payload, (e) => ({
      factKey: `returned:${e.orderId}:${e.round}`,
      recipients: { organizationIds: [e.issuerId], roles: ['editor'] },
      notice: noticeTexts.returned(e),
    }));
  }

  @EventPattern(OrderEvents.awaitingSignature)
  awaitingSignature(@Payload() payload: unknown): Promise<void> {
    return this.hear(OrderEvents.awaitingSignature, orderAwaitingSignatureEvent, payload, (e) => ({
      factKey: `signature:${e.orderId}`,
      recipients: { personIds: [e.signatoryId] },
      notice: noticeTexts.awaitingSignature(e),
    }));
  }

  @EventPattern(OrderEvents.registered)
  registered(@Payload() payload: unknown): Promise<void> {
    return this.hear(OrderEvents.registered, orderRegisteredEvent, payload, (e) => ({
      factKey: `registered:${e.orderId}`,
      recipients: { organizationIds: [e.issuerId], roles: ['editor'] },
      notice: noticeTexts.registered(e),
    }));
  }

  @EventPattern(PeriodEvents.opened)
  periodOpened(@Payload() payload: unknown): Promise<void> {
    return this.hear(PeriodEvents.opened, periodOpenedEvent, payload, (e) => ({
      factKey: `period:${e.periodId}`,
      recipients: { organizationIds: e.organizationIds, roles: ['reporter'] },
      notice: noticeTexts.periodOpened(e),
    }));
  }

  /** Chunks of one reminder name different organizations, so one key per period still stores each account once. */
  @EventPattern(PeriodEvents.reminderDue)
  reminderDue(@Payload() payload: unknown): Promise<void> {
    return this.hear(PeriodEvents.reminderDue, reminderDueEvent, payload, (e) => ({
      factKey: `reminder:${e.periodId}`,
      recipients: { organizationIds: e.organizationIds, roles: ['reporter'] },
      notice: noticeTexts.reminderDue(e),
    }));
  }

  @EventPattern(PeriodEvents.overdueDigest)
  overdueDigest(@Payload() payload: unknown): Promise<void> {
    return this.hear(PeriodEvents.overdueDigest, overdueDigestEvent, payload, (e) => ({
      factKey: `overdue:${e.periodId}`,
      recipients: { organizationIds: [e.issuerId], roles: ['analyst'] },
      notice: noticeTexts.overdueDigest(e),
    }));
  }

  private async hear<S extends z.ZodTypeAny>(
    subject: string,
    schema: S,
    payload: unknown,
    tell: (fact: z.output<S>) => { factKey: string; recipients: Recipients; notice: NoticeText },
  ): Promise<void> {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      this.log.warn(`${subject}: факт не по контракту, пропущен: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const { factKey, recipients, notice } = tell(parsed.data);
    try {
      const accounts = await this.recipients(recipients);
      const stored = await this.store.store(
        accounts.map((a) => ({ accountId: a.accountId, personId: a.personId, factKey, ...notice, email: a.email })),
        this.outbox.enabled,
      );
      this.log.log(`${subject}: уведомлений ${stored} (получателей ${accounts.length})`);
      if (stored > 0) this.outbox.kick();
    } catch (error) {
      this.log.error(`${subject}: уведомления не сохранены: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async recipients(request: Recipients): Promise<RecipientDto[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.bus.request(RecipientRoutes.resolve, request);
      } catch (error) {
        if (attempt >= RESOLVE_RETRY_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, RESOLVE_RETRY_MS[attempt]));
      }
    }
  }
}

import { Injectable, Logger } from '@nestjs/common';
import {
  type PlanDto,
  CalendarRoutes,
  DocumentRoutes,
  OrganizationRoutes,
  PeopleRoutes,
  personSnapshotOf,
  PlanRoutes,
  ReportingRoutes,
  type Actor,
  type ApprovalStep,
  type FrozenDraft,
  type OpenedPeriod,
  type OrderActivities,
  type OrderStatus,
  type PeriodProgressDto,
  type PeriodSummaryDto,
  type Person,
  type PlannedPeriod,
  type StandingIn,
  toRenderableOrder,
} from '@eduplan/contracts';
import { startOfDayIn, todayIn, addDays } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';
import { monitoringFigures } from './monitoring-figures';
import { expectedIn, plannedPeriods } from './planned-periods';
import { deadlineYears, reportDeadline } from './report-deadline';
import { linkedOwners } from './responsible-owners';

const WORKER_ACTOR = 'eduplan-worker';

/** The order workflow's hands: every call goes to a service over the bus; each is safe to retry. */
@Injectable()
export class OrderActivitiesService implements OrderActivities {
  private readonly logger = new Logger('OrderActivities');

  constructor(private readonly bus: BusClient) {}

  async setOrderStatus(orderId: string, status: OrderStatus): Promise<void> {
    await this.bus.request(PlanRoutes.setOrderStatus, { id: orderId, status });
  }

  freezeDraft(orderId: string): Promise<FrozenDraft> {
    return this.bus.request(PlanRoutes.freezeDraft, { id: orderId });
  }

  async registerOrder(orderId: string) {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: orderId });
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: order.issuerId });
    const registered = await this.bus.request(PlanRoutes.registerOrder, {
      id: orderId,
      registeredOn: todayIn(issuer.timeZone, new Date()),
    });
    return { registrationNumber: registered.registrationNumber!, registeredOn: registered.registeredOn! };
  }

  /** Renders the stored plan version of the approved round, never the live plan, and only if its hash still matches. */
  async renderSignedOrder(orderId: string, signatory: Person, approved: FrozenDraft, signedBy: Actor) {
    const draft = await this.bus.request(PlanRoutes.approvedDraft, { id: orderId, planVersion: approved.planVersion });
    if (draft.contentSha256 !== approved.contentSha256) {
      throw new DomainException(
        'CONFLICT',
        `Проект приказа изменился после согласования (SHA-256 ${draft.contentSha256} вместо согласованного ${approved.contentSha256}); верните приказ на доработку и согласуйте заново`,
      );
    }
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: draft.order.issuerId });
    const document = await this.bus.request(DocumentRoutes.renderOrder, {
      orderId,
      issuerId: issuer.id,
      draft: false,
      ...toRenderableOrder(draft.order, draft.plan, issuer),
      signer: signatory,
      signedBy: { accountId: signedBy.accountId, login: signedBy.login },
      createdBy: signedBy.login,
    });
    return { documentId: document.id, sha256: document.sha256, contentSha256: draft.contentSha256 };
  }

  /** The substitutions of the registry as of the issuer's today: a substitute acts only on the days of the absence. */
  async standingInFor(personId: string, issuerId: string): Promise<StandingIn> {
    const [person, issuer] = await Promise.all([
      this.bus.request(PeopleRoutes.get, { id: personId }),
      this.bus.request(OrganizationRoutes.get, { id: issuerId }),
    ]);
    const represented = await this.bus.request(PeopleRoutes.representedBy, { personId, date: todayIn(issuer.timeZone, new Date()) });
    return { person: personSnapshotOf(person), standsInFor: represented.map((p) => p.id) };
  }

  async recordApprovalStep(step: ApprovalStep): Promise<void> {
    await this.bus.request(PlanRoutes.recordApprovalStep, step);
  }

  async planReportingPeriods(orderId: string): Promise<PlannedPeriod[]> {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: orderId });
    const [plan, issuer] = await Promise.all([
      this.bus.request(PlanRoutes.getPlanForService, { id: order.planId }),
      this.bus.request(OrganizationRoutes.get, { id: order.issuerId }),
    ]);
    // Groups are counted as of today here only to plan; each period counts them again when it opens.
    const owners = await linkedOwners(this.bus, plan, todayIn(issuer.timeZone, new Date()));
    return plannedPeriods(plan, owners).map((p) => ({ ...p, opensAt: startOfDayIn(addDays(p.end, 1), issuer.timeZone) }));
  }

  /** Centers get N working days after the quarter ends, and never fewer than N from the day it opens. */
  async openReportingPeriod(orderId: string, period: PlannedPeriod, deadlineWorkingDays: number): Promise<OpenedPeriod> {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: orderId });
    const issuer = await this.bus.request(OrganizationRoutes.get, { id: order.issuerId });
    const today = todayIn(issuer.timeZone, new Date());
    const calendar = await this.bus.request(CalendarRoutes.forDeadlines, { years: deadlineYears(period.end, today), issuerId: order.issuerId });
    const { deadline, calendarWarning } = reportDeadline(period.end, today, deadlineWorkingDays, calendar);
    if (calendarWarning) this.logger.warn(`Приказ ${orderId}, ${period.quarter} квартал ${period.year} г.: ${calendarWarning}`);
    // Who owes is decided now, as the period opens: a group's members are those active today.
    const plan = await this.bus.request(PlanRoutes.getPlanForService, { id: order.planId });
    const expected = expectedIn(plan, period.start, await linkedOwners(this.bus, plan, today));
    const opened = await this.bus.request(ReportingRoutes.openPeriod, {
      orderId,
      planId: order.planId,
      year: period.year,
      quarter: period.quarter,
      start: period.start,
      end: period.end,
      deadline,
      expected,
      issuerId: order.issuerId,
      planTitle: plan.title,
      events: dueEvents(plan, expected),
      calendarWarning,
    });
    return {
      periodId: opened.id,
      deadline: opened.deadline,
      deadlineAt: startOfDayIn(addDays(opened.deadline, 1), issuer.timeZone),
    };
  }

  periodProgress(periodId: string): Promise<PeriodProgressDto> {
    return this.bus.request(ReportingRoutes.periodProgress, { id: periodId });
  }

  closeReportingPeriod(periodId: string): Promise<PeriodSummaryDto> {
    return this.bus.request(ReportingRoutes.closePeriod, { id: periodId });
  }

  async renderQuarterlyMemo(orderId: string, summary: PeriodSummaryDto) {
    return this.renderMemo(orderId, 'quarterly_memo', [summary]);
  }

  async renderMonitoringMemo(orderId: string, summaries: PeriodSummaryDto[]) {
    return this.renderMemo(orderId, 'monitoring_memo', summaries);
  }

  private async renderMemo(orderId: string, kind: 'quarterly_memo' | 'monitoring_memo', summaries: PeriodSummaryDto[]) {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: orderId });
    const [plan, issuer, organizations] = await Promise.all([
      this.bus.request(PlanRoutes.getPlanForService, { id: order.planId }),
      this.bus.request(OrganizationRoutes.get, { id: order.issuerId }),
      // Only the organizations the memo names: the whole registry would not fit one bus reply.
      this.bus.request(OrganizationRoutes.list, { ids: [...new Set(summaries.flatMap((s) => s.items.map((item) => item.organizationId)))] }),
    ]);
    const figures = monitoringFigures(kind, order, plan, issuer, organizations, summaries);
    const document = await this.bus.request(DocumentRoutes.renderMemo, {
      orderId,
      issuerId: order.issuerId,
      periodId: kind === 'quarterly_memo' ? summaries[0].period.id : null,
      kind,
      figures: figures as unknown as Record<string, unknown>,
      createdBy: WORKER_ACTOR,
    });
    return { documentId: document.id };
  }
}

/** The plan's events some organization owes in the period, as a reporter is shown them (number and title). */
function dueEvents(plan: PlanDto, expected: { eventIds: string[] }[]): { id: string; number: string | null; title: string }[] {
  const owed = new Set(expected.flatMap((entry) => entry.eventIds));
  return plan.sections.flatMap((section) => section.events).filter((event) => owed.has(event.id)).map((event) => ({ id: event.id, number: event.number ?? null, title: event.title }));
}

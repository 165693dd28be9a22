import { Injectable, Logger } from '@nestjs/common';
import {
  CalendarRoutes,
  DocumentRoutes,
  OrganizationRoutes,
  PeopleRoutes,
  personSnapshotOf,
  PlanRoutes,
  ReportingRoutes,
  type Actor,
  type ApprovalStep,
  type AwaitedApprovers,
  type FrozenDraft,
  type OpenedPeriod,
  OrderEvents,
  PeriodEvents,
  REMINDER_CHUNK,
  type OrderFact,
  type OrderActivities,
  type OrderStatus,
  type OrganizationDto,
  type ClosedPeriodDto,
  type LegacyPeriodSummary,
  type PeriodProgressDto,
  type Person,
  type PlannedPeriod,
  type StandingIn,
  toRenderableOrder,
} from '@eduplan/contracts';
import { startOfDayIn, todayIn, addDays } from '@eduplan/domain';
import { BusClient, DomainException, loadConfig } from '@eduplan/platform';
import { monitoringFigures } from './monitoring-figures';
import { owingIn, plannedPeriods } from './planned-periods';
import { deadlineYears, reminderDay, reportDeadline } from './report-deadline';
import { linkedOwners } from './responsible-owners';
import { workerConfigSchema } from './worker.config';

const WORKER_ACTOR = 'eduplan-worker';
/**
 * Opening, closing and grouping a period take seconds at a region's size (about 3 s for 1,000 centers × 100
 * events on a loaded machine, see bench/README.md): they get most of the activity's minute, not the bus's default.
 */
const REGION_WORK = { timeoutMs: 45_000 };

/** The order workflow's hands: every call goes to a service over the bus; each is safe to retry. */
@Injectable()
export class OrderActivitiesService implements OrderActivities {
  private readonly logger = new Logger('OrderActivities');
  private readonly reminderWorkingDays = loadConfig(workerConfigSchema).REMINDER_WORKING_DAYS;

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

  async recordAwaitedApprovers(awaited: AwaitedApprovers): Promise<void> {
    await this.bus.request(PlanRoutes.recordAwaitedApprovers, awaited);
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
    const { organizationIds, ...owing } = owingIn(plan, period.start, await linkedOwners(this.bus, plan, today));
    const organizations = await this.organizations(organizationIds);
    const opened = await this.bus.request(ReportingRoutes.openPeriod, {
      orderId,
      planId: order.planId,
      year: period.year,
      quarter: period.quarter,
      start: period.start,
      end: period.end,
      deadline,
      issuerId: order.issuerId,
      planTitle: plan.title,
      ...owing,
      calendarWarning,
      organizations: organizations.map((o) => ({ id: o.id, name: o.shortName ?? o.name, centerType: o.centerType, municipalityId: o.municipalityId })),
    }, REGION_WORK);
    // Counted now and kept in the workflow's history, so the timer replays the same whatever the calendar becomes.
    const remindOn = reminderDay(opened.deadline, today, this.reminderWorkingDays, calendar);
    return {
      periodId: opened.id,
      deadline: opened.deadline,
      deadlineAt: startOfDayIn(addDays(opened.deadline, 1), issuer.timeZone),
      remindAt: remindOn ? startOfDayIn(remindOn, issuer.timeZone) : null,
    };
  }

  /**
   * Pages through the organizations that have not reported (ids only, in id order) and states one reminder
   * fact per page: only the count enters the workflow's history, and no message grows with the region.
   */
  async remindOwing(periodId: string): Promise<{ reminded: number }> {
    const period = await this.bus.request(ReportingRoutes.periodStanding, { id: periodId });
    if (!period.issuerId) return { reminded: 0 };
    const fact = { periodId, orderId: period.orderId, issuerId: period.issuerId, planTitle: period.planTitle ?? '', year: period.year, quarter: period.quarter, deadline: period.deadline };
    let reminded = 0;
    let after: string | undefined;
    for (;;) {
      const organizationIds = await this.bus.request(ReportingRoutes.owingOrganizations, { periodId, after, limit: REMINDER_CHUNK });
      if (organizationIds.length === 0) break;
      this.bus.emit(PeriodEvents.reminderDue, { ...fact, organizationIds });
      reminded += organizationIds.length;
      after = organizationIds[organizationIds.length - 1];
      if (organizationIds.length < REMINDER_CHUNK) break;
    }
    return { reminded };
  }

  /** Counts only: the analysts read who is late on the period's page. */
  async announceOverdue(periodId: string): Promise<{ late: number }> {
    const period = await this.bus.request(ReportingRoutes.periodStanding, { id: periodId });
    if (period.missing === 0 || !period.issuerId) return { late: period.missing };
    this.bus.emit(PeriodEvents.overdueDigest, {
      periodId, orderId: period.orderId, issuerId: period.issuerId, planTitle: period.planTitle ?? '',
      year: period.year, quarter: period.quarter, deadline: period.deadline, expected: period.expected, late: period.missing,
    });
    return { late: period.missing };
  }

  periodProgress(periodId: string): Promise<PeriodProgressDto> {
    return this.bus.request(ReportingRoutes.periodProgress, { id: periodId });
  }

  closeReportingPeriod(periodId: string): Promise<ClosedPeriodDto> {
    return this.bus.request(ReportingRoutes.closePeriod, { id: periodId }, REGION_WORK);
  }

  async renderQuarterlyMemo(orderId: string, period: string | LegacyPeriodSummary) {
    return this.renderMemo(orderId, 'quarterly_memo', [periodIdOf(period)]);
  }

  async renderMonitoringMemo(orderId: string, periods: (string | LegacyPeriodSummary)[]) {
    return this.renderMemo(orderId, 'monitoring_memo', periods.map(periodIdOf));
  }

  /** Adds what every fact names (the issuer, the order's title) and publishes it; who is told is not the workflow's concern. */
  async announce({ kind, ...fact }: OrderFact): Promise<void> {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: fact.orderId });
    this.bus.emit(FACT_SUBJECTS[kind], { ...fact, issuerId: order.issuerId, title: order.title });
  }

  /** The memo's figures are grouped in the reporting service's PostgreSQL; only their groups cross the bus. */
  private async renderMemo(orderId: string, kind: 'quarterly_memo' | 'monitoring_memo', periodIds: string[]) {
    const order = await this.bus.request(PlanRoutes.getOrderForService, { id: orderId });
    const [plan, issuer, figures] = await Promise.all([
      this.bus.request(PlanRoutes.getPlanForService, { id: order.planId }),
      this.bus.request(OrganizationRoutes.get, { id: order.issuerId }),
      this.bus.request(ReportingRoutes.periodFigures, { periodIds }, REGION_WORK),
    ]);
    // Periods opened before names were recorded name their organizations by id only: the registry names them.
    const unnamed = new Set([...figures.organizations.filter((o) => o.name === null).map((o) => o.organizationId)]);
    const named = await this.organizations([...unnamed]);
    const document = await this.bus.request(DocumentRoutes.renderMemo, {
      orderId,
      issuerId: order.issuerId,
      periodId: kind === 'quarterly_memo' ? periodIds[0] : null,
      kind,
      figures: monitoringFigures(kind, plan, issuer, named, figures) as unknown as Record<string, unknown>,
      createdBy: WORKER_ACTOR,
    });
    return { documentId: document.id };
  }

  /** Organizations by id, a page at a time, so that no reply grows with the region past a bus message. */
  private async organizations(ids: string[]): Promise<OrganizationDto[]> {
    const pages: OrganizationDto[][] = [];
    for (let start = 0; start < ids.length; start += ORGANIZATIONS_PAGE) {
      pages.push(await this.bus.request(OrganizationRoutes.list, { ids: ids.slice(start, start + ORGANIZATIONS_PAGE) }));
    }
    return pages.flat();
  }
}

/** The bus subject of each order fact. */
const FACT_SUBJECTS: Record<OrderFact['kind'], string> = {
  stage_started: OrderEvents.approvalStageStarted,
  returned: OrderEvents.returned,
  awaiting_signature: OrderEvents.awaitingSignature,
  registered: OrderEvents.registered,
};

const ORGANIZATIONS_PAGE = 500;

const periodIdOf = (period: string | LegacyPeriodSummary) => (typeof period === 'string' ? period : period.period.id);

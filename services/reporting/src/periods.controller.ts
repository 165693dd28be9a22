import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PERIOD_OPENED_CHUNK, PeriodEvents, ReportingRoutes, type ClosedPeriodDto, type OpenedReportingPeriodDto, type OpenPeriodRefDto, type PeriodFiguresDto, type PeriodOpenedEvent, type PeriodProgressDto, type PeriodStandingDto, type ReportingPeriodDto } from '@eduplan/contracts';
import { BusClient, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { closedCounts, periodFigures } from './period-figures';
import { owingOrganizationIds, periodStanding } from './period-lateness';
import { expectedOf, insertPeriodRows, obligationCounts } from './period-rows';
import { ReportEntity } from './report.entity';
import { ORDER_WORKFLOW, reportingAudit } from './reporting-audit';
import { ReportingPeriodEntity } from './reporting-period.entity';

const R = ReportingRoutes;

/** Reporting periods as the order's workflow opens, counts and closes them (service routes, no person). */
@Controller()
export class PeriodsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: BusClient,
  ) {}

  /** Idempotent: the workflow may retry it, so an already opened period is returned as is (and audited once). */
  @MessagePattern(R.openPeriod.subject)
  async open(@Payload(new RoutePipe(R.openPeriod)) request: z.output<typeof R.openPeriod.request>): Promise<OpenedReportingPeriodDto> {
    const { period, opened } = await this.db.transaction(async (m) => {
      const existing = await m.findOneBy(ReportingPeriodEntity, { orderId: request.orderId, year: request.year, quarter: request.quarter });
      if (existing) return { period: await this.openedDto(m, existing), opened: false };
      const { orderId, planId, year, quarter, start, end, deadline, issuerId, planTitle } = request;
      const period = await m.save(
        m.create(ReportingPeriodEntity, { orderId, planId, year, quarter, start, end, deadline, issuerId, planTitle, calendarWarning: request.calendarWarning ?? null, status: 'open', closedAt: null }),
      );
      await insertPeriodRows(m, period.id, request);
      await reportingAudit.append(m, { actor: ORDER_WORKFLOW, action: 'period.open', objectType: 'reporting_period', objectId: period.id, after: await audited(m, period) });
      return { period: await this.openedDto(m, period), opened: true };
    });
    if (opened) this.announceOpened(period, request);
    return period;
  }

  /** Tells the organizations' reporters (through the notifications service) that the period waits for them; a lost fact loses only the notice. */
  private announceOpened(period: OpenedReportingPeriodDto, request: z.output<typeof R.openPeriod.request>): void {
    const organizationIds = request.organizations.map((o) => o.id);
    for (let from = 0; from < organizationIds.length; from += PERIOD_OPENED_CHUNK) {
      const fact: PeriodOpenedEvent = {
        periodId: period.id,
        orderId: period.orderId,
        issuerId: request.issuerId,
        planTitle: request.planTitle,
        year: period.year,
        quarter: period.quarter,
        deadline: period.deadline,
        organizationIds: organizationIds.slice(from, from + PERIOD_OPENED_CHUNK),
      };
      this.bus.emit(PeriodEvents.opened, fact);
    }
  }

  @MessagePattern(R.getPeriod.subject)
  async get(@Payload(new RoutePipe(R.getPeriod)) { id }: z.output<typeof R.getPeriod.request>): Promise<ReportingPeriodDto> {
    return this.toDto(this.db.manager, await this.find(this.db.manager, id));
  }

  @MessagePattern(R.listPeriods.subject)
  async list(@Payload(new RoutePipe(R.listPeriods)) { orderId }: z.output<typeof R.listPeriods.request>): Promise<ReportingPeriodDto[]> {
    const periods = await this.db.manager.find(ReportingPeriodEntity, { where: { orderId }, order: { year: 'ASC', quarter: 'ASC' } });
    return Promise.all(periods.map((p) => this.toDto(this.db.manager, p)));
  }

  /** Counts only, so the order workflow that polls it keeps a small history however many centers report. */
  @MessagePattern(R.periodProgress.subject)
  async progress(@Payload(new RoutePipe(R.periodProgress)) { id }: z.output<typeof R.periodProgress.request>): Promise<PeriodProgressDto> {
    await this.find(this.db.manager, id);
    // A report is stored only for an organization the period expects, and once per organization.
    const { organizations } = await obligationCounts(this.db.manager, id);
    return { expected: organizations, submitted: await this.db.manager.countBy(ReportEntity, { periodId: id }) };
  }

  /** Ids only, a page at a time after the last one seen: the worker reminds each page as it reads it. */
  @MessagePattern(R.owingOrganizations.subject)
  async owing(@Payload(new RoutePipe(R.owingOrganizations)) { periodId, after, limit }: z.output<typeof R.owingOrganizations.request>): Promise<string[]> {
    await this.find(this.db.manager, periodId);
    return owingOrganizationIds(this.db.manager, periodId, after, limit);
  }

  @MessagePattern(R.periodStanding.subject)
  async standing(@Payload(new RoutePipe(R.periodStanding)) { id }: z.output<typeof R.periodStanding.request>): Promise<PeriodStandingDto> {
    return periodStanding(this.db.manager, await this.find(this.db.manager, id));
  }

  @MessagePattern(R.listOpenPeriods.subject)
  async listOpen(@Payload(new RoutePipe(R.listOpenPeriods)) _request: z.output<typeof R.listOpenPeriods.request>): Promise<OpenPeriodRefDto[]> {
    const periods = await this.db.manager.find(ReportingPeriodEntity, { where: { status: 'open' }, select: { id: true, orderId: true } });
    return periods.map((p) => ({ id: p.id, orderId: p.orderId }));
  }

  /** Idempotent: closing a closed period returns the same counts. Counts only: the figures are `periodFigures`'. */
  @MessagePattern(R.closePeriod.subject)
  close(@Payload(new RoutePipe(R.closePeriod)) { id }: z.output<typeof R.closePeriod.request>): Promise<ClosedPeriodDto> {
    return this.db.transaction(async (m) => {
      const period = await this.find(m, id, true);
      if (period.status === 'open') {
        const before = await audited(m, period);
        period.status = 'closed';
        period.closedAt = new Date();
        await m.save(period);
        const after = { ...(await audited(m, period)), reported: await m.countBy(ReportEntity, { periodId: id }) };
        await reportingAudit.append(m, { actor: ORDER_WORKFLOW, action: 'period.close', objectType: 'reporting_period', objectId: id, before, after });
      }
      return closedCounts(m, id);
    });
  }

  @MessagePattern(R.periodFigures.subject)
  async figures(@Payload(new RoutePipe(R.periodFigures)) { periodIds }: z.output<typeof R.periodFigures.request>): Promise<PeriodFiguresDto> {
    const ids = [...new Set(periodIds)];
    const found = await this.db.manager.countBy(ReportingPeriodEntity, { id: In(ids) });
    if (found !== ids.length) throw notFound('Отчётный период', ids.join(', '));
    return periodFigures(this.db.manager, ids);
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<ReportingPeriodEntity> {
    const period = await m.findOne(ReportingPeriodEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!period) throw notFound('Отчётный период', id);
    return period;
  }

  private async openedDto(m: EntityManager, period: ReportingPeriodEntity): Promise<OpenedReportingPeriodDto> {
    return { ...fieldsOf(period), ...(await obligationCounts(m, period.id)) };
  }

  private async toDto(m: EntityManager, period: ReportingPeriodEntity): Promise<ReportingPeriodDto> {
    return { ...fieldsOf(period), ...(await expectedOf(m, period.id)) };
  }
}

function fieldsOf(period: ReportingPeriodEntity): Omit<ReportingPeriodDto, 'expected' | 'events'> {
  const { id, orderId, planId, year, quarter, start, end, deadline, status, calendarWarning } = period;
  return { id, orderId, planId, year, quarter, start, end, deadline, status, calendarWarning };
}

/**
 * A period as its audit entries record it: who owes is counted, not listed, since a region's centers times
 * their events would make each entry (and a page of the administrators' list) too large.
 */
async function audited(m: EntityManager, period: ReportingPeriodEntity) {
  const { id, orderId, planId, issuerId, year, quarter, start, end, deadline, status } = period;
  return { id, orderId, planId, issuerId, year, quarter, start, end, deadline, status, ...(await obligationCounts(m, id)) };
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReportingRoutes, type OpenPeriodRefDto, type PeriodProgressDto, type PeriodSummaryDto, type ReportingPeriodDto } from '@eduplan/contracts';
import { notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ReportEntity } from './report.entity';
import { ORDER_WORKFLOW, reportingAudit } from './reporting-audit';
import { ReportingPeriodEntity } from './reporting-period.entity';
import { summarizePeriod } from './summarize-period';

const R = ReportingRoutes;

/** Reporting periods as the order's workflow opens, counts and closes them (service routes, no person). */
@Controller()
export class PeriodsController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Idempotent: the workflow may retry it, so an already opened period is returned as is (and audited once). */
  @MessagePattern(R.openPeriod.subject)
  open(@Payload(new RoutePipe(R.openPeriod)) request: z.output<typeof R.openPeriod.request>): Promise<ReportingPeriodDto> {
    return this.db.transaction(async (m) => {
      const existing = await m.findOneBy(ReportingPeriodEntity, { orderId: request.orderId, year: request.year, quarter: request.quarter });
      if (existing) return this.toDto(m, existing);
      const period = await m.save(
        m.create(ReportingPeriodEntity, {
          ...request,
          issuerId: request.issuerId,
          planTitle: request.planTitle,
          events: request.events,
          calendarWarning: request.calendarWarning ?? null,
          status: 'open',
          closedAt: null,
        }),
      );
      await reportingAudit.append(m, { actor: ORDER_WORKFLOW, action: 'period.open', objectType: 'reporting_period', objectId: period.id, after: audited(period) });
      return this.toDto(m, period);
    });
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
    const period = await this.find(this.db.manager, id);
    // A report is stored only for an organization the period expects, and once per organization.
    return { expected: period.expected.length, submitted: await this.db.manager.countBy(ReportEntity, { periodId: id }) };
  }

  @MessagePattern(R.listOpenPeriods.subject)
  async listOpen(@Payload(new RoutePipe(R.listOpenPeriods)) _request: z.output<typeof R.listOpenPeriods.request>): Promise<OpenPeriodRefDto[]> {
    const periods = await this.db.manager.find(ReportingPeriodEntity, { where: { status: 'open' }, select: { id: true, orderId: true } });
    return periods.map((p) => ({ id: p.id, orderId: p.orderId }));
  }

  /** Idempotent: closing a closed period returns the same summary. */
  @MessagePattern(R.closePeriod.subject)
  close(@Payload(new RoutePipe(R.closePeriod)) { id }: z.output<typeof R.closePeriod.request>): Promise<PeriodSummaryDto> {
    return this.db.transaction(async (m) => {
      const period = await this.find(m, id, true);
      if (period.status === 'open') {
        const before = audited(period);
        period.status = 'closed';
        period.closedAt = new Date();
        await m.save(period);
        const after = { ...audited(period), reported: await m.countBy(ReportEntity, { periodId: id }) };
        await reportingAudit.append(m, { actor: ORDER_WORKFLOW, action: 'period.close', objectType: 'reporting_period', objectId: id, before, after });
      }
      const reports = await m.findBy(ReportEntity, { periodId: id });
      return summarizePeriod(await this.toDto(m, period), reports.map((r) => r.toDto()));
    });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<ReportingPeriodEntity> {
    const period = await m.findOne(ReportingPeriodEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!period) throw notFound('Отчётный период', id);
    return period;
  }

  private async toDto(m: EntityManager, period: ReportingPeriodEntity): Promise<ReportingPeriodDto> {
    const submitted = new Set((await m.find(ReportEntity, { where: { periodId: period.id }, select: { organizationId: true } })).map((r) => r.organizationId));
    return {
      id: period.id,
      orderId: period.orderId,
      planId: period.planId,
      year: period.year,
      quarter: period.quarter,
      start: period.start,
      end: period.end,
      deadline: period.deadline,
      status: period.status,
      expected: period.expected.map((e) => ({ ...e, submitted: submitted.has(e.organizationId) })),
      calendarWarning: period.calendarWarning,
    };
  }
}

/**
 * A period as its audit entries record it: who owes is counted, not listed, since a region's centers times
 * their events would make each entry (and a page of the administrators' list) too large.
 */
function audited(period: ReportingPeriodEntity) {
  const { id, orderId, planId, issuerId, year, quarter, start, end, deadline, status } = period;
  const dueEvents = period.expected.reduce((sum, e) => sum + e.eventIds.length, 0);
  return { id, orderId, planId, issuerId, year, quarter, start, end, deadline, status, organizations: period.expected.length, dueEvents };
}

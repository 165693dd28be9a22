import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ReportingEvents,
  ReportingRoutes,
  type OpenPeriodRefDto,
  type PeriodProgressDto,
  type PeriodSummaryDto,
  type ReportDto,
  type ReportingPeriodDto,
  type ReportSubmittedEvent,
} from '@eduplan/contracts';
import { BusClient, DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { Repository } from 'typeorm';
import type { z } from 'zod';
import { ReportEntity } from './report.entity';
import { ReportingPeriodEntity } from './reporting-period.entity';
import { summarizePeriod } from './summarize-period';

const R = ReportingRoutes;

@Controller()
export class ReportingController {
  constructor(
    @InjectRepository(ReportingPeriodEntity) private readonly periods: Repository<ReportingPeriodEntity>,
    @InjectRepository(ReportEntity) private readonly reports: Repository<ReportEntity>,
    private readonly bus: BusClient,
  ) {}

  /** Idempotent: the workflow may retry it, so an already opened period is returned as is. */
  @MessagePattern(R.openPeriod.subject)
  async open(@Payload(new RoutePipe(R.openPeriod)) request: z.output<typeof R.openPeriod.request>): Promise<ReportingPeriodDto> {
    const existing = await this.periods.findOneBy({ orderId: request.orderId, year: request.year, quarter: request.quarter });
    const period = existing ?? (await this.periods.save(this.periods.create({ ...request, status: 'open', closedAt: null })));
    return this.toDto(period);
  }

  @MessagePattern(R.getPeriod.subject)
  async get(@Payload(new RoutePipe(R.getPeriod)) { id }: z.output<typeof R.getPeriod.request>): Promise<ReportingPeriodDto> {
    return this.toDto(await this.find(id));
  }

  @MessagePattern(R.listPeriods.subject)
  async list(@Payload(new RoutePipe(R.listPeriods)) { orderId }: z.output<typeof R.listPeriods.request>): Promise<ReportingPeriodDto[]> {
    const periods = await this.periods.find({ where: { orderId }, order: { year: 'ASC', quarter: 'ASC' } });
    return Promise.all(periods.map((p) => this.toDto(p)));
  }

  /** Counts only, so the order workflow that polls it keeps a small history however many centers report. */
  @MessagePattern(R.periodProgress.subject)
  async progress(@Payload(new RoutePipe(R.periodProgress)) { id }: z.output<typeof R.periodProgress.request>): Promise<PeriodProgressDto> {
    const period = await this.find(id);
    // A report is stored only for an organization the period expects, and once per organization.
    return { expected: period.expected.length, submitted: await this.reports.countBy({ periodId: id }) };
  }

  @MessagePattern(R.listOpenPeriods.subject)
  async listOpen(@Payload(new RoutePipe(R.listOpenPeriods)) _request: z.output<typeof R.listOpenPeriods.request>): Promise<OpenPeriodRefDto[]> {
    const periods = await this.periods.find({ where: { status: 'open' }, select: { id: true, orderId: true } });
    return periods.map((p) => ({ id: p.id, orderId: p.orderId }));
  }

  @MessagePattern(R.submitReport.subject)
  async submit(@Payload(new RoutePipe(R.submitReport)) request: z.output<typeof R.submitReport.request>): Promise<ReportDto> {
    const period = await this.find(request.periodId);
    if (period.status === 'closed') {
      throw new DomainException('CONFLICT', `Отчётный период ${period.quarter} квартал ${period.year} г. закрыт; отчёт не принимается`);
    }
    const owed = period.expected.find((e) => e.organizationId === request.organizationId);
    if (!owed) throw new DomainException('FORBIDDEN', 'Эта организация не отчитывается за данный период');
    const foreign = request.items.filter((item) => !owed.eventIds.includes(item.eventId)).map((item) => item.eventId);
    if (foreign.length) {
      throw new DomainException('VALIDATION', `Мероприятия не относятся к отчёту организации за период: ${foreign.join(', ')}`);
    }
    if (new Set(request.items.map((i) => i.eventId)).size !== request.items.length) {
      throw new DomainException('VALIDATION', 'Одно мероприятие указано в отчёте дважды');
    }
    if (await this.reports.existsBy({ periodId: period.id, organizationId: request.organizationId })) {
      throw new DomainException('CONFLICT', 'Отчёт организации за этот период уже отправлен');
    }
    const report = await this.reports.save(this.reports.create(request));
    const event: ReportSubmittedEvent = { periodId: period.id, orderId: period.orderId, organizationId: request.organizationId };
    this.bus.emit(ReportingEvents.reportSubmitted, event);
    return report.toDto();
  }

  /** Idempotent: closing a closed period returns the same summary. */
  @MessagePattern(R.closePeriod.subject)
  async close(@Payload(new RoutePipe(R.closePeriod)) { id }: z.output<typeof R.closePeriod.request>): Promise<PeriodSummaryDto> {
    const period = await this.find(id);
    if (period.status === 'open') {
      period.status = 'closed';
      period.closedAt = new Date();
      await this.periods.save(period);
    }
    const reports = await this.reports.findBy({ periodId: id });
    return summarizePeriod(await this.toDto(period), reports.map((r) => r.toDto()));
  }

  private async find(id: string): Promise<ReportingPeriodEntity> {
    const period = await this.periods.findOneBy({ id });
    if (!period) throw notFound('Отчётный период', id);
    return period;
  }

  private async toDto(period: ReportingPeriodEntity): Promise<ReportingPeriodDto> {
    const submitted = new Set((await this.reports.findBy({ periodId: period.id })).map((r) => r.organizationId));
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
    };
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  holdsRole,
  MINISTRY_ROLES,
  ReportingEvents,
  ReportingRoutes,
  worksForIssuer,
  type Actor,
  type DuePeriodDto,
  type OrderFiguresDto,
  type Page,
  type PeriodOverdueDto,
  type PeriodReportRowDto,
  type ReportDto,
  type ReportingTasksDto,
  type ReportSubmittedEvent,
} from '@eduplan/contracts';
import { auditActorOf, BusClient, DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import { orderFigures } from './order-figures';
import { insertReportItems, owedEvents, reportItems } from './period-rows';
import { periodOverdue } from './period-lateness';
import { periodReportsPage } from './period-reports';
import { ReportEntity } from './report.entity';
import { reportingAudit } from './reporting-audit';
import { reportingTasks } from './reporting-tasks';
import { ReportingPeriodEntity } from './reporting-period.entity';

const R = ReportingRoutes;

/**
 * Centers' reports. A reporter sends and reads only their own organization's reports, for the periods it owes;
 * staff of the ministry whose order opened a period read its reports. Nobody else reads them.
 */
@Controller()
export class ReportsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: BusClient,
  ) {}

  @MessagePattern(R.submitReport.subject)
  async submit(@Payload(new RoutePipe(R.submitReport)) request: z.output<typeof R.submitReport.request>): Promise<ReportDto> {
    const organizationId = ownOrganization(request.actor);
    if (request.organizationId && request.organizationId !== organizationId) {
      throw new DomainException('FORBIDDEN', `Отчёт подаётся только за свою организацию: организация ${request.organizationId} — не ваша`);
    }
    const { report, period } = await this.db.transaction(async (m) => {
      // Held against a close running at the same moment: the report lands before the period closes, or is refused.
      const period = await m.findOne(ReportingPeriodEntity, { where: { id: request.periodId }, lock: { mode: 'pessimistic_read' } });
      if (!period) throw notFound('Отчётный период', request.periodId);
      const owed = new Set(
        (await m.query(`SELECT event_id AS id FROM reporting.period_obligations WHERE period_id = $1 AND organization_id = $2`, [period.id, organizationId]) as { id: string }[]).map((row) => row.id),
      );
      if (owed.size === 0) throw new DomainException('FORBIDDEN', 'Ваша организация не отчитывается за этот период: в нём нет её мероприятий');
      if (period.status === 'closed') {
        throw new DomainException('CONFLICT', `Отчётный период ${period.quarter} квартал ${period.year} г. закрыт; отчёт не принимается`);
      }
      const foreign = request.items.filter((item) => !owed.has(item.eventId)).map((item) => item.eventId);
      if (foreign.length) {
        throw new DomainException('VALIDATION', `Мероприятия не относятся к отчёту организации за период: ${foreign.join(', ')}`);
      }
      if (new Set(request.items.map((i) => i.eventId)).size !== request.items.length) {
        throw new DomainException('VALIDATION', 'Одно мероприятие указано в отчёте дважды');
      }
      if (await m.existsBy(ReportEntity, { periodId: period.id, organizationId })) {
        throw new DomainException('CONFLICT', 'Отчёт организации за этот период уже отправлен');
      }
      const stored = await m.save(m.create(ReportEntity, { periodId: period.id, organizationId }));
      await insertReportItems(m, stored, request.items);
      const report = stored.toDto(request.items);
      await reportingAudit.append(m, { actor: auditActorOf(request.actor), action: 'report.submit', objectType: 'report', objectId: report.id, after: report });
      return { report, period };
    }).catch((error: unknown) => {
      // The same organization's report sent twice at once: the unique index lets one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new DomainException('CONFLICT', 'Отчёт организации за этот период уже отправлен');
      }
      throw error;
    });
    const event: ReportSubmittedEvent = { periodId: period.id, orderId: period.orderId, organizationId };
    this.bus.emit(ReportingEvents.reportSubmitted, event);
    return report;
  }

  @MessagePattern(R.getReport.subject)
  async get(@Payload(new RoutePipe(R.getReport)) { id, actor }: z.output<typeof R.getReport.request>): Promise<ReportDto> {
    const report = await this.db.manager.findOneBy(ReportEntity, { id });
    if (!report) throw notFound('Отчёт', id);
    const period = await this.db.manager.findOneByOrFail(ReportingPeriodEntity, { id: report.periodId });
    const ownReport = holdsRole(actor, ['reporter']) && actor.organizationId === report.organizationId;
    if (!ownReport && !readsIssuerReports(actor, period)) throw new DomainException('FORBIDDEN', 'Отчёт другой организации недоступен: вы читаете только отчёты своей организации');
    return report.toDto((await reportItems(this.db.manager, [report.id])).get(report.id)!);
  }

  /** A period's organizations and their reports, to the issuer's staff; to anyone else the period does not exist. */
  @MessagePattern(R.periodReports.subject)
  async periodReports(@Payload(new RoutePipe(R.periodReports)) request: z.output<typeof R.periodReports.request>): Promise<Page<PeriodReportRowDto>> {
    const period = await this.db.manager.findOneBy(ReportingPeriodEntity, { id: request.periodId });
    if (!period || period.orderId !== request.orderId || !readsIssuerReports(request.actor, period)) throw notFound('Отчётный период', request.periodId);
    return periodReportsPage(this.db.manager, request);
  }

  /** Who is late in a period and by how many days, to the issuer's staff; to anyone else the period does not exist. */
  @MessagePattern(R.periodOverdue.subject)
  async periodOverdue(@Payload(new RoutePipe(R.periodOverdue)) request: z.output<typeof R.periodOverdue.request>): Promise<PeriodOverdueDto> {
    const period = await this.db.manager.findOneBy(ReportingPeriodEntity, { id: request.periodId });
    if (!period || period.orderId !== request.orderId || !readsIssuerReports(request.actor, period)) throw notFound('Отчётный период', request.periodId);
    return periodOverdue(this.db.manager, period, request.today, request.limit, request.offset);
  }

  /** An order's dashboard figures, to the staff of the ministry whose order opened its periods; to anyone else it has none. */
  @MessagePattern(R.orderFigures.subject)
  async orderFigures(@Payload(new RoutePipe(R.orderFigures)) request: z.output<typeof R.orderFigures.request>): Promise<OrderFiguresDto> {
    const periods = await this.db.manager.find(ReportingPeriodEntity, { where: { orderId: request.orderId }, order: { year: 'ASC', quarter: 'ASC', id: 'ASC' } });
    if (periods.some((period) => !readsIssuerReports(request.actor, period))) throw notFound('Приказ', request.orderId);
    if (request.periodId && !periods.some((period) => period.id === request.periodId)) throw notFound('Отчётный период', request.periodId);
    return orderFigures(this.db.manager, periods, request);
  }

  @MessagePattern(R.listReports.subject)
  async list(@Payload(new RoutePipe(R.listReports)) request: z.output<typeof R.listReports.request>): Promise<Page<ReportDto>> {
    const organizationId = ownOrganization(request.actor);
    const [reports, total] = await this.db.manager.findAndCount(ReportEntity, {
      where: { organizationId, ...(request.periodId ? { periodId: request.periodId } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: request.offset,
      take: request.limit,
    });
    const items = await reportItems(this.db.manager, reports.map((r) => r.id));
    return { items: reports.map((r) => r.toDto(items.get(r.id)!)), total };
  }

  @MessagePattern(R.reportingTasks.subject)
  tasks(@Payload(new RoutePipe(R.reportingTasks)) { actor, today, limit }: z.output<typeof R.reportingTasks.request>): Promise<ReportingTasksDto> {
    return reportingTasks(this.db.manager, actor, today, limit);
  }

  /** The open periods the organization owes, found through its obligations' index, the nearest deadline first. */
  @MessagePattern(R.duePeriods.subject)
  async due(@Payload(new RoutePipe(R.duePeriods)) request: z.output<typeof R.duePeriods.request>): Promise<Page<DuePeriodDto>> {
    const organizationId = ownOrganization(request.actor);
    const [periods, total] = await this.db.manager
      .createQueryBuilder(ReportingPeriodEntity, 'p')
      .where(`p.status = 'open'`)
      .andWhere('EXISTS (SELECT 1 FROM reporting.period_organizations g WHERE g.period_id = p.id AND g.organization_id = :organizationId)', { organizationId })
      .orderBy('p.deadline', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip(request.offset)
      .take(request.limit)
      .getManyAndCount();
    const reports = periods.length
      ? await this.db.manager.createQueryBuilder(ReportEntity, 'r').where('r.organizationId = :organizationId', { organizationId }).andWhere('r.periodId IN (:...ids)', { ids: periods.map((p) => p.id) }).getMany()
      : [];
    const sent = new Map(reports.map((r) => [r.periodId, r]));
    const owed = await owedEvents(this.db.manager, periods.map((p) => p.id), organizationId);
    return {
      total,
      items: periods.map((period) => {
        const report = sent.get(period.id);
        return {
          id: period.id,
          orderId: period.orderId,
          planId: period.planId,
          planTitle: period.planTitle,
          year: period.year,
          quarter: period.quarter,
          start: period.start,
          end: period.end,
          deadline: period.deadline,
          events: owed.get(period.id) ?? [],
          reportId: report?.id ?? null,
          submittedAt: report?.submittedAt.toISOString() ?? null,
        };
      }),
    };
  }
}

/** Whether the actor is on the staff of the ministry whose order opened the period. */
function readsIssuerReports(actor: Actor, period: ReportingPeriodEntity): boolean {
  // A period opened before its issuer was recorded names no ministry: only the administrator reads its reports.
  return holdsRole(actor, MINISTRY_ROLES) && (period.issuerId === null ? actor.roles.includes('admin') : worksForIssuer(actor, period.issuerId));
}

/** The organization a reporter reports for: their account's, set when the account was created. */
function ownOrganization(actor: Actor): string {
  if (!actor.organizationId) {
    throw new DomainException('FORBIDDEN', 'Ваша учётная запись не привязана к организации: попросите администратора указать её');
  }
  return actor.organizationId;
}

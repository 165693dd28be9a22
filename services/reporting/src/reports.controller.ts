import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  holdsRole,
  ReportingEvents,
  ReportingRoutes,
  type Actor,
  type DuePeriodDto,
  type OrderFiguresDto,
  type Page,
  type PeriodOverdueDto,
  type PeriodReportRowDto,
  type ReportDraftDto,
  type ReportDto,
  type ReportingTasksDto,
  type ReportItemInput,
  type ReportRevisionDto,
  type ReportSubmittedEvent,
} from '@eduplan/contracts';
import { auditActorOf, BusClient, DomainException, notFound, RoutePipe } from '@eduplan/platform';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { orderFigures } from './order-figures';
import { EvidenceFileEntity } from './evidence-file.entity';
import { periodOverdue } from './period-lateness';
import { periodReportsPage } from './period-reports';
import { insertReportItems, owedEvents, replaceReportItems, reportItems } from './period-rows';
import { isIssuerStaff, mayRead, ownOrganization } from './report-access';
import { ReportDraftEntity } from './report-draft.entity';
import { checkOwnEvents, checkReportItems, daysLate } from './report-items';
import { ReportRevisionEntity } from './report-revision.entity';
import { ReportEntity } from './report.entity';
import { REPORTING_CONFIG, type ReportingConfig } from './reporting.config';
import { reportingAudit } from './reporting-audit';
import { reportingTasks } from './reporting-tasks';
import { ReportingPeriodEntity } from './reporting-period.entity';

const R = ReportingRoutes;

/** Corrections a report may take: enough for real mistakes, bounded so its history stays readable. */
const MAX_REVISIONS = 50;

/**
 * Centers' reports. A reporter keeps a draft, submits and corrects only their own organization's report for a
 * period it owes; the organization and the staff of the ministry whose order opened the period read it and its
 * revisions; to anyone else a report is as missing as an unknown id.
 */
@Controller()
export class ReportsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: BusClient,
    @Inject(REPORTING_CONFIG) private readonly config: ReportingConfig,
  ) {}

  /**
   * Stores the organization's report once; a retry with the same idempotency key gets the same answer. A report
   * after the deadline is accepted while the period is open, marked late.
   */
  @MessagePattern(R.submitReport.subject)
  async submit(@Payload(new RoutePipe(R.submitReport)) request: z.output<typeof R.submitReport.request>): Promise<ReportDto> {
    const organizationId = ownOrganization(request.actor);
    if (request.organizationId && request.organizationId !== organizationId) {
      throw new DomainException('FORBIDDEN', `Отчёт подаётся только за свою организацию: организация ${request.organizationId} — не ваша`);
    }
    const key = request.idempotencyKey ?? null;
    const replay = () => (key ? this.replay(request.periodId, organizationId, key) : Promise.resolve(null));
    const earlier = await replay();
    if (earlier) return earlier;
    const { report, period } = await this.db
      .transaction(async (m) => {
        // Held against a close running at the same moment: the report lands before the period closes, or is refused.
        const period = await m.findOne(ReportingPeriodEntity, { where: { id: request.periodId }, lock: { mode: 'pessimistic_read' } });
        const owed = await openPeriodOwed(m, period, request.periodId, organizationId);
        const items = checkReportItems(request.items, await this.context(m, period!, owed, organizationId, request.items));
        if (await m.existsBy(ReportEntity, { periodId: period!.id, organizationId })) throw alreadySent();
        const now = new Date();
        const late = daysLate(period!.deadline, now);
        const report = await m.save(
          m.create(ReportEntity, { periodId: period!.id, organizationId, submittedAt: now, late: late > 0, daysLate: late, revision: 1, correctedAt: null }),
        );
        await insertReportItems(m, report, items);
        await m.insert(ReportRevisionEntity, { reportId: report.id, revision: 1, items, at: now, ...author(request.actor), reason: null, idempotencyKey: key });
        await m.delete(ReportDraftEntity, { periodId: period!.id, organizationId });
        const dto = report.toDto(items);
        await reportingAudit.append(m, { actor: auditActorOf(request.actor), action: 'report.submit', objectType: 'report', objectId: report.id, after: dto });
        return { report: dto, period: period! };
      })
      .catch(async (error: unknown) => {
        // The same report sent twice at once: the unique index lets one through, and a retry of it gets its answer.
        const sentMeanwhile = error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
        if (sentMeanwhile || (error instanceof DomainException && error.message === alreadySent().message)) {
          const stored = await replay();
          if (stored) return { report: stored, period: null };
          throw alreadySent();
        }
        throw error;
      });
    if (period) {
      const event: ReportSubmittedEvent = { periodId: period.id, orderId: period.orderId, organizationId };
      this.bus.emit(ReportingEvents.reportSubmitted, event);
    }
    return report;
  }

  /** A draft replaces the organization's previous one; it is only kept, never counted, until the report is submitted. */
  @MessagePattern(R.saveDraft.subject)
  async saveDraft(@Payload(new RoutePipe(R.saveDraft)) request: z.output<typeof R.saveDraft.request>): Promise<ReportDraftDto> {
    const organizationId = ownOrganization(request.actor);
    return this.db.transaction(async (m) => {
      const period = await m.findOneBy(ReportingPeriodEntity, { id: request.periodId });
      const owed = await openPeriodOwed(m, period, request.periodId, organizationId);
      checkOwnEvents(request.items, owed);
      if (await m.existsBy(ReportEntity, { periodId: request.periodId, organizationId })) {
        throw new DomainException('CONFLICT', 'Отчёт организации за этот период уже отправлен: черновик не нужен, исправьте отправленный отчёт');
      }
      const draft = m.create(ReportDraftEntity, { periodId: request.periodId, organizationId, items: request.items, savedAt: new Date(), savedBy: request.actor.login });
      await m.upsert(ReportDraftEntity, draft, ['periodId', 'organizationId']);
      // Recorded by period (a draft has no id of its own), with the organization among what was saved.
      await reportingAudit.append(m, { actor: auditActorOf(request.actor), action: 'report.draft', objectType: 'report_draft', objectId: request.periodId, after: { organizationId, ...draft.toDto() } });
      return draft.toDto();
    });
  }

  /** The whole report anew with the reason; the version it replaces stays readable among the revisions. */
  @MessagePattern(R.correctReport.subject)
  async correct(@Payload(new RoutePipe(R.correctReport)) request: z.output<typeof R.correctReport.request>): Promise<ReportDto> {
    const organizationId = ownOrganization(request.actor);
    return this.db.transaction(async (m) => {
      const report = await m.findOne(ReportEntity, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (!report || report.organizationId !== organizationId) throw notFound('Отчёт', request.id);
      if (request.idempotencyKey) {
        const earlier = await m.findOneBy(ReportRevisionEntity, { reportId: report.id, idempotencyKey: request.idempotencyKey });
        if (earlier) return asOf(report, earlier);
      }
      const period = await m.findOne(ReportingPeriodEntity, { where: { id: report.periodId }, lock: { mode: 'pessimistic_read' } });
      const owed = await openPeriodOwed(m, period, report.periodId, organizationId);
      const items = checkReportItems(request.items, await this.context(m, period!, owed, organizationId, request.items));
      if (report.revision >= MAX_REVISIONS) throw new DomainException('CONFLICT', `Отчёт исправлен уже ${MAX_REVISIONS - 1} раз: обратитесь в министерство`);
      const before = report.toDto((await reportItems(m, [report.id])).get(report.id)!);
      const now = new Date();
      Object.assign(report, { revision: report.revision + 1, correctedAt: now });
      await m.save(report);
      await replaceReportItems(m, report, items);
      await m.insert(ReportRevisionEntity, { reportId: report.id, revision: report.revision, items, at: now, ...author(request.actor), reason: request.reason, idempotencyKey: request.idempotencyKey ?? null });
      await reportingAudit.append(m, {
        actor: auditActorOf(request.actor),
        action: 'report.correct',
        objectType: 'report',
        objectId: report.id,
        before,
        after: { ...report.toDto(items), reason: request.reason },
      });
      return report.toDto(items);
    });
  }

  @MessagePattern(R.getReport.subject)
  async get(@Payload(new RoutePipe(R.getReport)) { id, actor }: z.output<typeof R.getReport.request>): Promise<ReportDto> {
    const report = await this.readable(id, actor);
    return report.toDto((await reportItems(this.db.manager, [report.id])).get(report.id)!);
  }

  @MessagePattern(R.reportRevisions.subject)
  async revisions(@Payload(new RoutePipe(R.reportRevisions)) { id, actor }: z.output<typeof R.reportRevisions.request>): Promise<ReportRevisionDto[]> {
    await this.readable(id, actor);
    const revisions = await this.db.manager.find(ReportRevisionEntity, { where: { reportId: id }, order: { revision: 'ASC' } });
    return revisions.map((r) => r.toDto());
  }

  /** A reporter lists their organization's reports; the staff of a period's ministry list all its reports (`periodId` required). */
  @MessagePattern(R.listReports.subject)
  async list(@Payload(new RoutePipe(R.listReports)) request: z.output<typeof R.listReports.request>): Promise<Page<ReportDto>> {
    const where = holdsRole(request.actor, ['reporter']) ? { organizationId: ownOrganization(request.actor) } : await this.periodReader(request.actor, request.periodId);
    const [reports, total] = await this.db.manager.findAndCount(ReportEntity, {
      where: { ...(request.organizationId ? { organizationId: request.organizationId } : {}), ...where, ...(request.periodId ? { periodId: request.periodId } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      skip: request.offset,
      take: request.limit,
    });
    const items = await reportItems(this.db.manager, reports.map((r) => r.id));
    return { items: reports.map((r) => r.toDto(items.get(r.id)!)), total };
  }

  /** A period's organizations and their reports, to the issuer's staff; to anyone else the period does not exist. */
  @MessagePattern(R.periodReports.subject)
  async periodReports(@Payload(new RoutePipe(R.periodReports)) request: z.output<typeof R.periodReports.request>): Promise<Page<PeriodReportRowDto>> {
    const period = await this.db.manager.findOneBy(ReportingPeriodEntity, { id: request.periodId });
    if (!period || period.orderId !== request.orderId || !isIssuerStaff(request.actor, period)) throw notFound('Отчётный период', request.periodId);
    return periodReportsPage(this.db.manager, request);
  }

  /** Who is late in a period and by how many days, to the issuer's staff; to anyone else the period does not exist. */
  @MessagePattern(R.periodOverdue.subject)
  async periodOverdue(@Payload(new RoutePipe(R.periodOverdue)) request: z.output<typeof R.periodOverdue.request>): Promise<PeriodOverdueDto> {
    const period = await this.db.manager.findOneBy(ReportingPeriodEntity, { id: request.periodId });
    if (!period || period.orderId !== request.orderId || !isIssuerStaff(request.actor, period)) throw notFound('Отчётный период', request.periodId);
    return periodOverdue(this.db.manager, period, request.today, request.limit, request.offset);
  }

  /** An order's dashboard figures, to the staff of the ministry whose order opened its periods; to anyone else it has none. */
  @MessagePattern(R.orderFigures.subject)
  async orderFigures(@Payload(new RoutePipe(R.orderFigures)) request: z.output<typeof R.orderFigures.request>): Promise<OrderFiguresDto> {
    const periods = await this.db.manager.find(ReportingPeriodEntity, { where: { orderId: request.orderId }, order: { year: 'ASC', quarter: 'ASC', id: 'ASC' } });
    if (periods.some((period) => !isIssuerStaff(request.actor, period))) throw notFound('Приказ', request.orderId);
    if (request.periodId && !periods.some((period) => period.id === request.periodId)) throw notFound('Отчётный период', request.periodId);
    return orderFigures(this.db.manager, periods, request);
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
    const ids = periods.map((p) => p.id);
    const [reports, drafts] = ids.length
      ? await Promise.all([
          this.db.manager.findBy(ReportEntity, { organizationId, periodId: In(ids) }),
          this.db.manager.findBy(ReportDraftEntity, { organizationId, periodId: In(ids) }),
        ])
      : [[], []];
    const sent = new Map(reports.map((r) => [r.periodId, r]));
    const saved = new Map(drafts.map((d) => [d.periodId, d]));
    const owed = await owedEvents(this.db.manager, ids, organizationId);
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
          draft: saved.get(period.id)?.toDto() ?? null,
        };
      }),
    };
  }

  /** A report the actor may read; to anyone else it is not found, as an unknown id is. */
  private async readable(id: string, actor: Actor): Promise<ReportEntity> {
    const report = await this.db.manager.findOneBy(ReportEntity, { id });
    const period = report && (await this.db.manager.findOneByOrFail(ReportingPeriodEntity, { id: report.periodId }));
    if (!report || !period || !mayRead(actor, report.organizationId, period)) throw notFound('Отчёт', id);
    return report;
  }

  /** Ministry staff read the reports of one period at a time, and only of a period their ministry opened. */
  private async periodReader(actor: Actor, periodId: string | undefined): Promise<{ periodId: string }> {
    if (!periodId) throw new DomainException('VALIDATION', 'Укажите отчётный период (periodId): сотрудники министерства читают отчёты по периоду');
    const period = await this.db.manager.findOneBy(ReportingPeriodEntity, { id: periodId });
    if (!period || !isIssuerStaff(actor, period)) throw notFound('Отчётный период', periodId);
    return { periodId };
  }

  /** The stored report as the revision made with this key left it, for a retried request. */
  private async replay(periodId: string, organizationId: string, key: string): Promise<ReportDto | null> {
    const report = await this.db.manager.findOneBy(ReportEntity, { periodId, organizationId });
    const revision = report && (await this.db.manager.findOneBy(ReportRevisionEntity, { reportId: report.id, idempotencyKey: key }));
    return report && revision ? asOf(report, revision) : null;
  }

  private async context(m: EntityManager, period: ReportingPeriodEntity, owed: string[], organizationId: string, items: readonly ReportItemInput[]) {
    const ids = [...new Set(items.flatMap((item) => item.files ?? []))];
    const files = ids.length ? await m.findBy(EvidenceFileEntity, { id: In(ids), organizationId, periodId: period.id }) : [];
    const events: { id: string; number: string | null; title: string | null }[] = await m.query(
      `SELECT event_id AS id, number, title FROM reporting.period_events WHERE period_id = $1 AND event_id = ANY($2::uuid[]) AND title IS NOT NULL`,
      [period.id, owed],
    );
    const titles = new Map(events.map((event) => [event.id, `${event.number ? `${event.number}. ` : ''}${event.title}`]));
    return { period, owed, titles, files: new Map(files.map((f) => [f.id, f])), confirmParticipantsAbove: this.config.REPORT_PARTICIPANTS_CONFIRM_ABOVE };
  }
}

/** The events the organization owes in an open period; refuses a missing, foreign or closed one. */
async function openPeriodOwed(m: EntityManager, period: ReportingPeriodEntity | null, periodId: string, organizationId: string): Promise<string[]> {
  if (!period) throw notFound('Отчётный период', periodId);
  const owed = (
    (await m.query(`SELECT event_id AS id FROM reporting.period_obligations WHERE period_id = $1 AND organization_id = $2`, [period.id, organizationId])) as { id: string }[]
  ).map((row) => row.id);
  if (owed.length === 0) throw new DomainException('FORBIDDEN', 'Ваша организация не отчитывается за этот период: в нём нет её мероприятий');
  if (period.status === 'closed') {
    throw new DomainException('CONFLICT', `Отчётный период ${period.quarter} квартал ${period.year} г. закрыт; отчёт не принимается`);
  }
  return owed;
}

const alreadySent = () => new DomainException('CONFLICT', 'Отчёт организации за этот период уже отправлен: чтобы изменить его, отправьте исправление с причиной');

const author = (actor: { accountId: string | null; login: string }) => ({ byAccountId: actor.accountId, byLogin: actor.login });

function asOf(report: ReportEntity, revision: ReportRevisionEntity): ReportDto {
  return { ...report.toDto(revision.items), revision: revision.revision, correctedAt: revision.revision > 1 ? revision.at.toISOString() : null };
}

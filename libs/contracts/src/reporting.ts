import { z } from 'zod';
import { ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { boundedInt, byId, isoDate, pageRequest, uuid, type Page, type TaskList } from './common';

export const EVENT_OUTCOMES = ['held', 'partly', 'not_held', 'postponed'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

/** An event of the plan as the period lists it for the centers that owe it. */
const periodEvent = z.object({ id: uuid, number: z.string().max(100).nullable(), title: z.string().max(5000) });

export const openPeriodRequest = z.object({
  orderId: uuid,
  planId: uuid,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  start: isoDate,
  end: isoDate,
  deadline: isoDate,
  expected: z.array(z.object({ organizationId: uuid, eventIds: z.array(uuid).min(1) })),
  /** The ministry whose order opened the period: its staff read the period's reports. */
  issuerId: uuid,
  /** What a center's reporter is shown of the plan: its title and the due events, as they were when the period opened. */
  planTitle: z.string().max(2000),
  events: z.array(periodEvent).max(5000),
});

export interface ReportingPeriodDto {
  id: string;
  orderId: string;
  planId: string;
  year: number;
  quarter: number;
  start: string;
  end: string;
  deadline: string;
  status: 'open' | 'closed';
  expected: { organizationId: string; eventIds: string[]; submitted: boolean }[];
}

/** A center's report for a period: the reporter's own organization (`organizationId` may name it, nothing else). */
export const submitReportRequest = z.object({
  periodId: uuid,
  organizationId: uuid.optional(),
  items: z
    .array(
      z.object({
        eventId: uuid,
        outcome: z.enum(EVENT_OUTCOMES),
        heldOn: isoDate.nullish(),
        participants: z.number().int().min(0).max(1_000_000).nullish(),
        comment: z.string().max(5000).nullish(),
      }),
    )
    .min(1, 'в отчёте нет ни одного мероприятия'),
});
export type SubmitReportRequest = z.infer<typeof submitReportRequest>;

export interface ReportDto {
  id: string;
  periodId: string;
  organizationId: string;
  submittedAt: string;
  items: SubmitReportRequest['items'];
}

/** A due event as the reporter sees it; number and title are null on periods opened before they were recorded. */
export interface DueEventDto {
  id: string;
  number: string | null;
  title: string | null;
}

/** An open period the reporter's organization owes: what it reports on, by when, and whether it has. */
export interface DuePeriodDto {
  id: string;
  orderId: string;
  planId: string;
  planTitle: string | null;
  year: number;
  quarter: number;
  start: string;
  end: string;
  deadline: string;
  events: DueEventDto[];
  /** The organization's report, once sent. */
  reportId: string | null;
  submittedAt: string | null;
}

export const listReportsRequest = pageRequest.extend({ periodId: uuid.optional() });

export interface OutcomeCounts {
  planned: number;
  held: number;
  partly: number;
  notHeld: number;
  postponed: number;
  /** Due events of organizations that sent no report. */
  unreported: number;
  participants: number;
}

export interface PeriodSummaryDto {
  period: ReportingPeriodDto;
  total: OutcomeCounts;
  byOrganization: ({ organizationId: string } & OutcomeCounts)[];
  /** Every due event of every organization, with its outcome (null when not reported). */
  items: { eventId: string; organizationId: string; outcome: EventOutcome | null; participants: number }[];
  notHeld: { eventId: string; organizationId: string; outcome: EventOutcome; comment: string | null }[];
}

/** How many of the organizations a period expects have reported: what the order's workflow waits on. */
export interface PeriodProgressDto {
  expected: number;
  submitted: number;
}

/** A quarter's reports still owed, as «Мои задачи» lists it. */
export interface OwedPeriodDto {
  periodId: string;
  orderId: string;
  /** The plan's title as it was when the period opened. */
  planTitle: string | null;
  year: number;
  quarter: number;
  deadline: string;
  /** Organizations expected in the period that have not reported (1 for a reporter's own organization). */
  missing: number;
}

export const reportingTasksRequest = z.object({
  /** The day in the actor's organization's time zone: a deadline before it is passed. */
  today: isoDate,
  limit: boundedInt(1, 50).default(20),
});

/**
 * A reporter's: the open periods their organization has not reported on, and those of them past the deadline.
 * An analyst's: the open periods of their ministry past the deadline with reports missing (nothing to report).
 */
export interface ReportingTasksDto {
  toReport: TaskList<OwedPeriodDto>;
  overdue: TaskList<OwedPeriodDto>;
}

/** An open period, for a consumer that re-checks after it may have missed events. */
export interface OpenPeriodRefDto {
  id: string;
  orderId: string;
}

/** Published after a report is stored: a hint that lets the order's workflow count again early (it may be lost). */
export interface ReportSubmittedEvent {
  periodId: string;
  orderId: string;
  organizationId: string;
}

/**
 * Periods are opened, counted and closed by the order's workflow (service routes). A center's reporter sends
 * and reads their own organization's reports only; ministry staff of the issuer read any report of its periods.
 */
export const ReportingRoutes = {
  openPeriod: route<typeof openPeriodRequest, ReportingPeriodDto>('reporting.periods.open', openPeriodRequest),
  getPeriod: route<typeof byId, ReportingPeriodDto>('reporting.periods.get', byId),
  listPeriods: route<z.ZodObject<{ orderId: typeof uuid }>, ReportingPeriodDto[]>(
    'reporting.periods.list',
    z.object({ orderId: uuid }),
  ),
  closePeriod: route<typeof byId, PeriodSummaryDto>('reporting.periods.close', byId),
  submitReport: actedRoute<typeof submitReportRequest, ReportDto>('reporting.reports.submit', submitReportRequest, ['reporter']),
  periodProgress: route<typeof byId, PeriodProgressDto>('reporting.periods.progress', byId),
  listOpenPeriods: route<z.ZodObject<{}>, OpenPeriodRefDto[]>('reporting.periods.list-open', z.object({})),
  /** The open periods the reporter's organization owes, deadline first, with the events it owes. */
  duePeriods: actedRoute<typeof pageRequest, Page<DuePeriodDto>>('reporting.periods.due', pageRequest, ['reporter']),
  /** The reporting side of «Мои задачи»: reports the reporter's organization owes, and those overdue (an analyst: their ministry's late periods). */
  reportingTasks: actedRoute<typeof reportingTasksRequest, ReportingTasksDto>('reporting.periods.tasks', reportingTasksRequest, ['reporter', 'analyst']),
  /** The reporter's organization's reports, newest first. */
  listReports: actedRoute<typeof listReportsRequest, Page<ReportDto>>('reporting.reports.list', listReportsRequest, ['reporter']),
  /** One report: to its organization's reporter, and to the staff of the ministry whose period it is. */
  getReport: actedRoute<typeof byId, ReportDto>('reporting.reports.get', byId, ROLES),
};

export const ReportingEvents = {
  reportSubmitted: 'reporting.report-submitted',
} as const;

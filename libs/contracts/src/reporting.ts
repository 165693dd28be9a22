import { z } from 'zod';
import { MINISTRY_ROLES, ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { byId, isoDate, pageRequest, uuid, type Page } from './common';

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

/** A period's reports as the issuer's staff list them: every organization the period expects, or those that did or did not report. */
export const periodReportsRequest = pageRequest.extend({
  orderId: uuid,
  periodId: uuid,
  status: z.enum(['all', 'submitted', 'missing']).default('all'),
});

/** One organization a period expects: how many events it owes and its report, once sent. */
export interface PeriodReportRowDto {
  organizationId: string;
  dueEvents: number;
  reportId: string | null;
  submittedAt: string | null;
  /** Of the report's events, how many were held (fully or partly); null without a report. */
  held: number | null;
}

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
  /** The reporter's organization's reports, newest first. */
  listReports: actedRoute<typeof listReportsRequest, Page<ReportDto>>('reporting.reports.list', listReportsRequest, ['reporter']),
  /** A period's organizations and their reports, to the staff of the ministry whose order opened it (others: not found). */
  periodReports: actedRoute<typeof periodReportsRequest, Page<PeriodReportRowDto>>('reporting.periods.reports', periodReportsRequest, MINISTRY_ROLES),
  /** One report: to its organization's reporter, and to the staff of the ministry whose period it is. */
  getReport: actedRoute<typeof byId, ReportDto>('reporting.reports.get', byId, ROLES),
};

export const ReportingEvents = {
  reportSubmitted: 'reporting.report-submitted',
} as const;

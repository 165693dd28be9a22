import { z } from 'zod';
import { route } from './bus/route';
import { byId, isoDate, uuid } from './common';

export const EVENT_OUTCOMES = ['held', 'partly', 'not_held', 'postponed'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

export const openPeriodRequest = z.object({
  orderId: uuid,
  planId: uuid,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  start: isoDate,
  end: isoDate,
  deadline: isoDate,
  expected: z.array(z.object({ organizationId: uuid, eventIds: z.array(uuid).min(1) })),
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

export const submitReportRequest = z.object({
  periodId: uuid,
  organizationId: uuid,
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

export const ReportingRoutes = {
  openPeriod: route<typeof openPeriodRequest, ReportingPeriodDto>('reporting.periods.open', openPeriodRequest),
  getPeriod: route<typeof byId, ReportingPeriodDto>('reporting.periods.get', byId),
  listPeriods: route<z.ZodObject<{ orderId: typeof uuid }>, ReportingPeriodDto[]>(
    'reporting.periods.list',
    z.object({ orderId: uuid }),
  ),
  closePeriod: route<typeof byId, PeriodSummaryDto>('reporting.periods.close', byId),
  submitReport: route<typeof submitReportRequest, ReportDto>('reporting.reports.submit', submitReportRequest),
  periodProgress: route<typeof byId, PeriodProgressDto>('reporting.periods.progress', byId),
  listOpenPeriods: route<z.ZodObject<{}>, OpenPeriodRefDto[]>('reporting.periods.list-open', z.object({})),
};

export const ReportingEvents = {
  reportSubmitted: 'reporting.report-submitted',
} as const;

import { z } from 'zod';
import { MINISTRY_ROLES, ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { boundedInt, byId, isoDate, MAX_STORED_INT, pageRequest, uuid, type Page, type TaskList } from './common';

export const EVENT_OUTCOMES = ['held', 'partly', 'not_held', 'postponed'] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

/**
 * An event of the plan due in the period, as the centers that owe it are shown it (number, title) and as the
 * memo groups it (its section, «направление»). `owners` are indexes into the request's `responsibilities`:
 * who owes the event is sent once per distinct set of organizations, never once per center and event.
 */
const periodEvent = z.object({
  id: uuid,
  number: z.string().max(100).nullable(),
  title: z.string().max(5000),
  section: z.object({ id: uuid, number: z.string().max(100).nullable(), title: z.string().max(5000) }).nullish(),
  owners: z.array(z.number().int().min(0)).max(100),
});

/** An organization that owes reports in the period, as the memo and its groupings name it when the period opens. */
const periodOrganization = z.object({
  id: uuid,
  name: z.string().max(2000),
  centerType: z.string().max(100).nullable(),
  municipalityId: uuid.nullable(),
});

/**
 * Opens a period. Bounded by the plan (its events) and the region (its organizations), not by their product:
 * the reporting service expands events × responsibilities into one due row per organization and event itself.
 */
export const openPeriodRequest = z.object({
  orderId: uuid,
  planId: uuid,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  start: isoDate,
  end: isoDate,
  deadline: isoDate,
  /** The ministry whose order opened the period: its staff read the period's reports. */
  issuerId: uuid,
  /** What a center's reporter is shown of the plan: its title and the due events, as they were when the period opened. */
  planTitle: z.string().max(2000),
  events: z.array(periodEvent).max(5000),
  /** Set when the deadline falls in a year whose decree on transferring days off is not known. */
  calendarWarning: z.string().max(1000).nullish(),
  /** Distinct sets of organizations owing an event (a linked organization, a group's members that day). */
  responsibilities: z.array(z.object({ organizationIds: z.array(uuid).min(1).max(20_000) })).max(5000),
  organizations: z.array(periodOrganization).max(20_000),
}).refine((request) => request.events.every((event) => event.owners.every((index) => index < request.responsibilities.length)), {
  message: 'мероприятие ссылается на ответственных, которых нет в списке responsibilities',
  path: ['events'],
});
export type OpenPeriodRequest = z.infer<typeof openPeriodRequest>;

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
  /** Each organization the period expects: how many events it owes and whether it has reported (bounded by the region). */
  expected: { organizationId: string; eventCount: number; submitted: boolean }[];
  /** Each due event: how many organizations owe it and how many of those have reported (bounded by the plan). */
  events: { eventId: string; due: number; reported: number }[];
  /** Set when the deadline was counted without the decree of its year: it may move once the decree is stored. */
  calendarWarning: string | null;
}

/** A period as opening answers it: who owes is counted, not listed (a region's list would not fit a bus message). */
export type OpenedReportingPeriodDto = Omit<ReportingPeriodDto, 'expected' | 'events'> & { organizations: number; dueEvents: number };

/** Who took part in an event, counted by category; each count bounded so a slip of the keyboard is caught. */
export const MAX_PARTICIPANTS_PER_CATEGORY = 100_000;
const headcount = z.number().int('целое число').min(0, 'не меньше 0').max(MAX_PARTICIPANTS_PER_CATEGORY, `не больше ${MAX_PARTICIPANTS_PER_CATEGORY}`);
export const attendance = z.object({ students: headcount, teachers: headcount, parents: headcount, others: headcount });
export type Attendance = z.infer<typeof attendance>;
export const ATTENDANCE_CATEGORIES = ['students', 'teachers', 'parents', 'others'] as const satisfies readonly (keyof Attendance)[];

/** The quarter an event is moved to, when not a date. */
export const quarterRef = z.object({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) });

export const MAX_EVIDENCE_LINKS = 10;
export const MAX_EVIDENCE_FILES = 10;
const evidenceLink = z
  .string()
  .max(2000)
  .url('ссылка вида https://…')
  .refine((value) => /^https?:\/\//i.test(value), 'ссылка должна начинаться с http:// или https://');

/** What the reporter says of one due event. */
export const reportItemInput = z.object({
  eventId: uuid,
  outcome: z.enum(EVENT_OUTCOMES),
  /** When it was held (held or partly held): from–to, both within the period's quarter. */
  heldFrom: isoDate.nullish(),
  heldTo: isoDate.nullish(),
  /** Postponed: to a date or to a quarter, one of them. */
  postponedToDate: isoDate.nullish(),
  postponedToQuarter: quarterRef.nullish(),
  attendance: attendance.nullish(),
  /** Set by the reporter who checked a total above the configured bound (REPORT_PARTICIPANTS_CONFIRM_ABOVE). */
  participantsConfirmed: z.boolean().optional(),
  links: z.array(evidenceLink).max(MAX_EVIDENCE_LINKS, `не больше ${MAX_EVIDENCE_LINKS} ссылок`).optional(),
  /** Ids of files the organization uploaded for this period. */
  files: z.array(uuid).max(MAX_EVIDENCE_FILES, `не больше ${MAX_EVIDENCE_FILES} файлов`).optional(),
  comment: z.string().max(5000).nullish(),
});
export type ReportItemInput = z.infer<typeof reportItemInput>;

const reportItems = z.array(reportItemInput).min(1, 'в отчёте нет ни одного мероприятия').max(5000);

/** A retried request with the same key (the `Idempotency-Key` header, or this field) is stored once. */
const idempotencyKey = z.string().min(8, 'ключ идемпотентности — от 8 символов').max(200).regex(/^[\x21-\x7e]+$/, 'ключ идемпотентности — латинские буквы, цифры и знаки без пробелов');

/** A center's report for a period: the reporter's own organization (`organizationId` may name it, nothing else). */
export const submitReportRequest = z.object({
  periodId: uuid,
  organizationId: uuid.optional(),
  items: reportItems,
  idempotencyKey: idempotencyKey.optional(),
});
export type SubmitReportRequest = z.infer<typeof submitReportRequest>;

/** A draft: kept for the organization, shown to its reporters, not counted as submitted. */
export const saveReportDraftRequest = z.object({ periodId: uuid, items: reportItems });

/** A correction of a submitted report: the whole report anew, and why. */
export const correctReportRequest = z.object({
  id: uuid,
  items: reportItems,
  reason: z.string().trim().min(5, 'укажите причину исправления (не короче 5 символов)').max(2000),
  idempotencyKey: idempotencyKey.optional(),
});

/** A file attached to a report as evidence, as the reporter and readers see it. */
export interface EvidenceFileDto {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** One due event as the report stores it: what was sent, with the total of participants and the files named. */
export interface ReportItemDto {
  eventId: string;
  outcome: EventOutcome;
  heldFrom: string | null;
  heldTo: string | null;
  postponedToDate: string | null;
  postponedToQuarter: { year: number; quarter: number } | null;
  attendance: Attendance | null;
  /** The sum of `attendance` (what the period's figures add up). */
  participants: number | null;
  links: string[];
  files: EvidenceFileDto[];
  comment: string | null;
}

export interface ReportDto {
  id: string;
  periodId: string;
  organizationId: string;
  /** When it was first submitted. */
  submittedAt: string;
  /** Submitted after the period's deadline: still accepted while the period is open. */
  late: boolean;
  daysLate: number;
  /** 1 for the report as first submitted, +1 for each correction. */
  revision: number;
  correctedAt: string | null;
  items: ReportItemDto[];
}

/** A version of a report: the first submission (reason null) or a correction, who made it, when and why. */
export interface ReportRevisionDto {
  revision: number;
  at: string;
  by: string;
  reason: string | null;
  items: ReportItemDto[];
}

/** The organization's draft for a period. */
export interface ReportDraftDto {
  periodId: string;
  savedAt: string;
  items: ReportItemInput[];
}

/** The largest evidence file by default (REPORT_FILE_MAX_BYTES changes it, for the gateway and the reporting service alike). */
export const DEFAULT_REPORT_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** Evidence files cross the bus in chunks this large (raw bytes), well under NATS's 1 MB once base64-encoded. */
export const EVIDENCE_CHUNK_BYTES = 512 * 1024;
const chunkData = z.string().max(Math.ceil(EVIDENCE_CHUNK_BYTES / 3) * 4, 'часть файла больше допустимой');

/** The first chunk of an evidence file: its type is checked from these bytes. */
export const startEvidenceRequest = z.object({
  periodId: uuid,
  name: z.string().trim().min(1).max(255),
  size: z.number().int().min(1).max(MAX_STORED_INT),
  base64: chunkData,
});
export const appendEvidenceRequest = z.object({ id: uuid, seq: z.number().int().min(1).max(10_000), base64: chunkData });
export interface EvidenceUploadDto extends EvidenceFileDto {
  received: number;
  complete: boolean;
}
export const readEvidenceRequest = z.object({ id: uuid, seq: z.number().int().min(0).max(10_000) });
export interface EvidenceChunkDto extends EvidenceFileDto {
  chunks: number;
  base64: string;
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
  /** The organization's saved draft, while the report is not sent. */
  draft: ReportDraftDto | null;
}

export const listReportsRequest = pageRequest.extend({ periodId: uuid.optional(), organizationId: uuid.optional() });

/** A period's reports as the issuer's staff list them: every organization the period expects, or those that did or did not report. */
export const periodReportsRequest = pageRequest.extend({
  orderId: uuid,
  periodId: uuid,
  status: z.enum(['all', 'submitted', 'missing']).default('all'),
});

/** One organization a period expects: how many events it owes and its report, once sent. */
export interface PeriodReportRowDto {
  organizationId: string;
  /** As the period recorded it when it opened; null on periods opened before names were recorded. */
  name: string | null;
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

/** What closing a period answers: counts only, so it fits a bus message and the order's workflow history. */
export interface ClosedPeriodDto {
  periodId: string;
  /** Organizations that owe reports in the period, and how many of them sent one. */
  expected: number;
  submitted: number;
  total: OutcomeCounts;
}

/** Outcome counts of one group of due rows (an organization's, a section's, a center type's…). */
export type GroupFigures<K> = K & OutcomeCounts;

/**
 * A not-held (or unreported) event across the organizations that owe it: counts by outcome and the first few
 * organizations' names, so a region of a thousand centers gives one line per event, not one per center.
 */
export interface EventExceptionDto {
  eventId: string;
  number: string | null;
  title: string;
  partly: number;
  notHeld: number;
  postponed: number;
  unreported: number;
  /** Names of the first organizations concerned (at most `EXCEPTION_NAMES`), alphabetically. */
  organizations: string[];
  /** How many organizations are concerned in all. */
  organizationCount: number;
  /** The first few distinct comments the centers gave (at most `EXCEPTION_COMMENTS`, each cut to 300 characters). */
  comments: string[];
}

export const EXCEPTION_NAMES = 10;
export const EXCEPTION_COMMENTS = 3;

/** The periods' due rows and reported outcomes grouped in PostgreSQL: what a memo is rendered from. */
export interface PeriodFiguresDto {
  periods: { id: string; year: number; quarter: number; start: string; end: string }[];
  total: OutcomeCounts;
  sections: GroupFigures<{ sectionId: string | null; number: string | null; title: string | null }>[];
  organizations: GroupFigures<{ organizationId: string; name: string | null }>[];
  centerTypes: GroupFigures<{ centerType: string | null }>[];
  municipalities: GroupFigures<{ municipalityId: string | null }>[];
  /** By event (bounded by the plan); `sectionId` is null on periods opened before sections were recorded. */
  events: GroupFigures<{ eventId: string; sectionId: string | null }>[];
  exceptions: EventExceptionDto[];
}

export const periodFiguresRequest = z.object({ periodIds: z.array(uuid).min(1).max(100) });

/**
 * The analyst's dashboard of an order: the figures of one of its periods (`periodId`) or of all of them, with the
 * organizations a page at a time (those with the smallest share held first), and the quarter-by-quarter dynamics.
 */
export const orderMonitoringRequest = pageRequest.extend({ orderId: uuid, periodId: uuid.optional() });

/** A quarter of the order: its outcomes, how many organizations it expects and how many have reported. */
export type QuarterFigures = GroupFigures<{
  periodId: string;
  year: number;
  quarter: number;
  deadline: string;
  status: 'open' | 'closed';
  organizationCount: number;
  reportedCount: number;
}>;

/** The order's figures as the reporting service groups them; the municipalities are named by the gateway. */
export interface OrderFiguresDto {
  orderId: string;
  /** The period the figures are of; null when they add up every period of the order. */
  periodId: string | null;
  /** Every period of the order, oldest first: the dynamics whatever `periodId` is. */
  quarters: QuarterFigures[];
  total: OutcomeCounts;
  sections: PeriodFiguresDto['sections'];
  centerTypes: PeriodFiguresDto['centerTypes'];
  municipalities: PeriodFiguresDto['municipalities'];
  /** A page of the organizations, the smallest share held (fully or partly) first; `total` counts them all. */
  organizations: Page<PeriodFiguresDto['organizations'][number]>;
}

/** What `GET /api/orders/:id/monitoring` answers: the figures with each municipality's name from the registry. */
export type OrderMonitoringDto = Omit<OrderFiguresDto, 'municipalities'> & {
  municipalities: GroupFigures<{ municipalityId: string | null; name: string | null }>[];
};

/** How many of the organizations a period expects have reported: what the order's workflow waits on. */
export interface PeriodProgressDto {
  expected: number;
  submitted: number;
}

/** The organizations of a period that have not reported, a page at a time by id (ids only): whom to remind. */
export const owingOrganizationsRequest = z.object({
  periodId: uuid,
  /** The last id of the previous page; the first page without it. */
  after: uuid.optional(),
  limit: boundedInt(1, 1000).default(1000),
});

/** A period as its reminders and digest name it, with how many organizations it expects and how many have not reported. */
export interface PeriodStandingDto {
  periodId: string;
  orderId: string;
  issuerId: string | null;
  planTitle: string | null;
  year: number;
  quarter: number;
  deadline: string;
  expected: number;
  missing: number;
}

/** Who is late in a period, as the issuer's staff list them: `today` is the day in the issuer's time zone. */
export const periodOverdueRequest = pageRequest.extend({ orderId: uuid, periodId: uuid, today: isoDate });

/** An organization that has not reported by the deadline, and by how many calendar days it is late today. */
export interface OverdueOrganizationDto {
  organizationId: string;
  /** As the period recorded it when it opened; null on periods opened before names were recorded. */
  name: string | null;
  dueEvents: number;
  daysLate: number;
}

export interface PeriodOverdueDto extends Page<OverdueOrganizationDto> {
  deadline: string;
  /** Organizations the period expects, reported or not. */
  expected: number;
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
  openPeriod: route<typeof openPeriodRequest, OpenedReportingPeriodDto>('reporting.periods.open', openPeriodRequest),
  getPeriod: route<typeof byId, ReportingPeriodDto>('reporting.periods.get', byId),
  listPeriods: route<z.ZodObject<{ orderId: typeof uuid }>, ReportingPeriodDto[]>(
    'reporting.periods.list',
    z.object({ orderId: uuid }),
  ),
  closePeriod: route<typeof byId, ClosedPeriodDto>('reporting.periods.close', byId),
  /** The periods' figures aggregated in PostgreSQL, for the memos. */
  periodFigures: route<typeof periodFiguresRequest, PeriodFiguresDto>('reporting.periods.figures', periodFiguresRequest),
  submitReport: actedRoute<typeof submitReportRequest, ReportDto>('reporting.reports.submit', submitReportRequest, ['reporter']),
  saveDraft: actedRoute<typeof saveReportDraftRequest, ReportDraftDto>('reporting.reports.save-draft', saveReportDraftRequest, ['reporter']),
  /** A submitted report corrected by its organization's reporter; the previous version is kept as a revision. */
  correctReport: actedRoute<typeof correctReportRequest, ReportDto>('reporting.reports.correct', correctReportRequest, ['reporter']),
  /** Every version of a report, first first: to whoever may read the report. */
  reportRevisions: actedRoute<typeof byId, ReportRevisionDto[]>('reporting.reports.revisions', byId, ROLES),
  startEvidence: actedRoute<typeof startEvidenceRequest, EvidenceUploadDto>('reporting.evidence.start', startEvidenceRequest, ['reporter']),
  appendEvidence: actedRoute<typeof appendEvidenceRequest, EvidenceUploadDto>('reporting.evidence.append', appendEvidenceRequest, ['reporter']),
  /** A chunk of an evidence file: to its organization's reporters and the staff of the period's ministry. */
  readEvidence: actedRoute<typeof readEvidenceRequest, EvidenceChunkDto>('reporting.evidence.read', readEvidenceRequest, ROLES),
  periodProgress: route<typeof byId, PeriodProgressDto>('reporting.periods.progress', byId),
  listOpenPeriods: route<z.ZodObject<{}>, OpenPeriodRefDto[]>('reporting.periods.list-open', z.object({})),
  /** The open periods the reporter's organization owes, deadline first, with the events it owes. */
  duePeriods: actedRoute<typeof pageRequest, Page<DuePeriodDto>>('reporting.periods.due', pageRequest, ['reporter']),
  /** The reporting side of «Мои задачи»: reports the reporter's organization owes, and those overdue (an analyst: their ministry's late periods). */
  reportingTasks: actedRoute<typeof reportingTasksRequest, ReportingTasksDto>('reporting.periods.tasks', reportingTasksRequest, ['reporter', 'analyst']),
  /** The order's dashboard figures, to the staff of the ministry whose order opened its periods (others: not found). */
  orderFigures: actedRoute<typeof orderMonitoringRequest, OrderFiguresDto>('reporting.orders.figures', orderMonitoringRequest, MINISTRY_ROLES),
  /** A period's organizations and their reports, to the staff of the ministry whose order opened it (others: not found). */
  periodReports: actedRoute<typeof periodReportsRequest, Page<PeriodReportRowDto>>('reporting.periods.reports', periodReportsRequest, MINISTRY_ROLES),
  /** Organizations that have not reported, by id, a page at a time: whom the worker reminds. */
  owingOrganizations: route<typeof owingOrganizationsRequest, string[]>('reporting.periods.owing', owingOrganizationsRequest),
  /** A period's names and counts for its reminders and its late digest. */
  periodStanding: route<typeof byId, PeriodStandingDto>('reporting.periods.standing', byId),
  /** Past the deadline: the organizations without a report and how many days late, to the issuer's staff (others: not found). */
  periodOverdue: actedRoute<typeof periodOverdueRequest, PeriodOverdueDto>('reporting.periods.overdue', periodOverdueRequest, MINISTRY_ROLES),
  /** A reporter's organization's reports, newest first; with `periodId`, the staff of the period's ministry get every report of it. */
  listReports: actedRoute<typeof listReportsRequest, Page<ReportDto>>('reporting.reports.list', listReportsRequest, ROLES),
  /** One report: to its organization's reporter, and to the staff of the ministry whose period it is. */
  getReport: actedRoute<typeof byId, ReportDto>('reporting.reports.get', byId, ROLES),
};

export const ReportingEvents = {
  reportSubmitted: 'reporting.report-submitted',
} as const;

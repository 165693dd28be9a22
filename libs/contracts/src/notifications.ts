import { z } from 'zod';
import { ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { byId, isoDate, pageRequest, uuid, type Page } from './common';

/**
 * Facts about an order the workflow states as they happen (DESIGN.md §7: approval and monitoring only publish
 * facts; the notifications service decides who hears of them). Ids and counts only: never the plan itself.
 */
export type OrderFact =
  | { kind: 'stage_started'; orderId: string; round: number; stageIndex: number; stage: string; approverIds: string[] }
  | { kind: 'returned'; orderId: string; round: number; stage: string }
  | { kind: 'awaiting_signature'; orderId: string; signatoryId: string }
  | { kind: 'registered'; orderId: string; registrationNumber: string; registeredOn: string };

/** The order as every fact names it: whose it is and what it is called. */
const orderFact = z.object({ orderId: uuid, issuerId: uuid, title: z.string().max(2000) });

export const approvalStageStartedEvent = orderFact.extend({
  round: z.number().int().min(1),
  stageIndex: z.number().int().min(0),
  stage: z.string().max(500),
  /** The stage's approvers (people of the registry); a stage has a handful. */
  approverIds: z.array(uuid).min(1).max(100),
});
/** The order came back to its editors with remarks. */
export const orderReturnedEvent = orderFact.extend({ round: z.number().int().min(1), stage: z.string().max(500) });
export const orderAwaitingSignatureEvent = orderFact.extend({ signatoryId: uuid });
export const orderRegisteredEvent = orderFact.extend({ registrationNumber: z.string().max(100), registeredOn: isoDate });

/** How many organizations one «period opened» fact names at most; a larger period is told in several facts. */
export const PERIOD_OPENED_CHUNK = 1000;

/** What facts about a period name of it: enough to word the notice without asking anyone. */
const periodFact = z.object({
  periodId: uuid,
  orderId: uuid,
  issuerId: uuid,
  planTitle: z.string().max(2000),
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  deadline: isoDate,
});

/** A reporting period opened: the organizations that owe it a report (a chunk of them, see `PERIOD_OPENED_CHUNK`). */
export const periodOpenedEvent = periodFact.extend({ organizationIds: z.array(uuid).min(1).max(PERIOD_OPENED_CHUNK) });

/** How many organizations one reminder fact names at most (the worker pages the owing organizations by it). */
export const REMINDER_CHUNK = PERIOD_OPENED_CHUNK;

/** The deadline is near: these organizations (a chunk of those that have not reported) are reminded. */
export const reminderDueEvent = periodFact.extend({
  organizationIds: z.array(uuid).min(1).max(REMINDER_CHUNK),
});

/** The day after the deadline: how many organizations are late, for the issuer's analysts (counts, never lists). */
export const overdueDigestEvent = periodFact.extend({
  expected: z.number().int().min(0),
  late: z.number().int().min(1),
});

export type ApprovalStageStartedEvent = z.infer<typeof approvalStageStartedEvent>;
export type OrderReturnedEvent = z.infer<typeof orderReturnedEvent>;
export type OrderAwaitingSignatureEvent = z.infer<typeof orderAwaitingSignatureEvent>;
export type OrderRegisteredEvent = z.infer<typeof orderRegisteredEvent>;
export type PeriodOpenedEvent = z.infer<typeof periodOpenedEvent>;
export type ReminderDueEvent = z.infer<typeof reminderDueEvent>;
export type OverdueDigestEvent = z.infer<typeof overdueDigestEvent>;

/** Subjects of the facts above: the worker states the order's, the reporting service the period's. */
export const OrderEvents = {
  approvalStageStarted: 'orders.approval-stage-started',
  returned: 'orders.returned',
  awaitingSignature: 'orders.awaiting-signature',
  registered: 'orders.registered',
} as const;

export const PeriodEvents = {
  opened: 'reporting.period-opened',
  /** Stated by the worker (the order's workflow keeps the timer), not by the reporting service. */
  reminderDue: 'reporting.reminder-due',
  overdueDigest: 'reporting.overdue-digest',
} as const;

export const NOTIFICATION_KINDS = ['approval_stage', 'order_returned', 'awaiting_signature', 'order_registered', 'period_opened', 'report_reminder', 'overdue_digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One notice to one account: what happened, what to do, and the page to do it on. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  text: string;
  /** The page of the object, relative to the web UI's root (e.g. `/orders/…`). */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<NotificationDto> {
  /** Unread notices of the account in all pages. */
  unread: number;
}

/** Whom to tell: active accounts of these people, and of these organizations holding one of the roles. */
export const recipientsRequest = z.object({
  personIds: z.array(uuid).max(1000).default([]),
  organizationIds: z.array(uuid).max(PERIOD_OPENED_CHUNK).default([]),
  roles: z.array(z.enum(ROLES)).default([]),
});

export interface RecipientDto {
  accountId: string;
  personId: string | null;
  name: string;
  /** The account's e-mail, else its person's in the registry; null when neither is known. */
  email: string | null;
}

/**
 * The accounts behind people and roles, for the notifications service (a service route, no person's). A
 * person sees, and marks read, only their own account's notices; anyone else's id is answered as missing.
 */
export const NotificationRoutes = {
  list: actedRoute<typeof pageRequest, NotificationPage>('notifications.list', pageRequest, ROLES),
  markRead: actedRoute<typeof byId, NotificationDto>('notifications.mark-read', byId, ROLES),
  markAllRead: actedRoute<z.ZodObject<{}>, { updated: number }>('notifications.mark-all-read', z.object({}), ROLES),
};

export const RecipientRoutes = {
  resolve: route<typeof recipientsRequest, RecipientDto[]>('organizations.accounts.recipients', recipientsRequest),
};

import type { Actor } from '../actor';
import type { FrozenDraft, OrderStatus, Person } from '../plans';
import type { OrderFact } from '../notifications';
import type { ApprovalStep, AwaitedApprovers } from './approval-steps';
import type { ClosedPeriodDto, PeriodProgressDto } from '../reporting';

export interface PlannedPeriod {
  year: number;
  quarter: number;
  start: string;
  end: string;
  /** When the period opens for reports: the start of the day after the quarter ends, issuer's time. */
  opensAt: string;
  /** How many organizations owe reports, as planned; the period counts them again when it opens. */
  organizations?: number;
  /**
   * Who owed which events, as orders planned before periods were sized for a region recorded it in their
   * history; read only to replay them. New plans leave it out: it grows with centers × events.
   */
  expected?: { organizationId: string; eventIds: string[] }[];
}

/**
 * What closing a period answered before it answered counts (`ClosedPeriodDto`): the histories of orders
 * running since then still hold it, and their workflows replay with it.
 */
export interface LegacyPeriodSummary {
  period: { id: string; expected: { submitted: boolean }[] };
}

export interface OpenedPeriod {
  periodId: string;
  deadline: string;
  /** The end of the deadline day in the issuer's time zone, as an ISO timestamp for the workflow's timer. */
  deadlineAt: string;
  /**
   * When its reporters are reminded (the start of the reminder day, issuer's time), counted by the production
   * calendar as the period opens; null without a reminder. Absent in histories recorded before reminders.
   */
  remindAt?: string | null;
}

export interface StandingIn {
  person: Person;
  /** Person ids of the people they substitute today; a few at most. */
  standsInFor: string[];
}

/**
 * What the order workflow asks of the outside world. Implemented by the worker service over the bus;
 * workflows import this type only.
 */
export interface OrderActivities {
  setOrderStatus(orderId: string, status: OrderStatus): Promise<void>;
  /** Freezes the plan under the order (now on approval) and answers what the approvers of this round decide on. */
  freezeDraft(orderId: string): Promise<FrozenDraft>;
  registerOrder(orderId: string): Promise<{ registrationNumber: string; registeredOn: string }>;
  /** Renders and signs exactly the approved content; fails for good if it no longer has that hash. `signedBy`: who gave the signature. */
  renderSignedOrder(
    orderId: string,
    signatory: Person,
    approved: FrozenDraft,
    signedBy: Actor,
  ): Promise<{ documentId: string; sha256: string; contentSha256: string }>;
  /**
   * The person behind an account as a decision records them, and whom they stand in for today (the issuer's
   * day) by the registry's substitutions: the approvers whose stages they may decide.
   */
  standingInFor(personId: string, issuerId: string): Promise<StandingIn>;
  /** Writes a person's step on the route (decision, resubmission, signature, retry) to the orders' audit log. */
  recordApprovalStep(step: ApprovalStep): Promise<void>;
  /** Tells the plans service whom the active stage waits on now, for the approvers' «Мои задачи». */
  recordAwaitedApprovers(awaited: AwaitedApprovers): Promise<void>;
  /** How many of the organizations expected in the period have reported, as the reporting service stores it. */
  periodProgress(periodId: string): Promise<PeriodProgressDto>;
  planReportingPeriods(orderId: string): Promise<PlannedPeriod[]>;
  openReportingPeriod(orderId: string, period: PlannedPeriod, deadlineWorkingDays: number): Promise<OpenedPeriod>;
  closeReportingPeriod(periodId: string): Promise<ClosedPeriodDto>;
  /** By period id; a summary is what orders running since before still pass (their scheduled calls replay as sent). */
  renderQuarterlyMemo(orderId: string, period: string | LegacyPeriodSummary): Promise<{ documentId: string }>;
  renderMonitoringMemo(orderId: string, periods: (string | LegacyPeriodSummary)[]): Promise<{ documentId: string }>;
  /** Reminds the reporters of the organizations that have not reported (a fact per chunk of them); answers how many. */
  remindOwing(periodId: string): Promise<{ reminded: number }>;
  /** Tells the issuer's analysts how many organizations are late in the period, if any; answers how many. */
  announceOverdue(periodId: string): Promise<{ late: number }>;
  /** States a fact about the order on the bus (a stage started, a return, a signature awaited, a registration) for whoever notifies people. */
  announce(fact: OrderFact): Promise<void>;
}

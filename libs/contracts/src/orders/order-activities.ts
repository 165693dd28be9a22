import type { FrozenDraft, OrderStatus, Person } from '../plans';
import type { PeriodProgressDto, PeriodSummaryDto } from '../reporting';

export interface PlannedPeriod {
  year: number;
  quarter: number;
  start: string;
  end: string;
  /** When the period opens for reports: the start of the day after the quarter ends, issuer's time. */
  opensAt: string;
  expected: { organizationId: string; eventIds: string[] }[];
}

export interface OpenedPeriod {
  periodId: string;
  deadline: string;
  /** The end of the deadline day in the issuer's time zone, as an ISO timestamp for the workflow's timer. */
  deadlineAt: string;
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
  /** Renders and signs exactly the approved content; fails for good if it no longer has that hash. */
  renderSignedOrder(orderId: string, signatory: Person, approved: FrozenDraft): Promise<{ documentId: string; sha256: string; contentSha256: string }>;
  /** How many of the organizations expected in the period have reported, as the reporting service stores it. */
  periodProgress(periodId: string): Promise<PeriodProgressDto>;
  planReportingPeriods(orderId: string): Promise<PlannedPeriod[]>;
  openReportingPeriod(orderId: string, period: PlannedPeriod, deadlineWorkingDays: number): Promise<OpenedPeriod>;
  closeReportingPeriod(periodId: string): Promise<PeriodSummaryDto>;
  renderQuarterlyMemo(orderId: string, summary: PeriodSummaryDto): Promise<{ documentId: string }>;
  renderMonitoringMemo(orderId: string, summaries: PeriodSummaryDto[]): Promise<{ documentId: string }>;
}

import type { OrderStatus, Person } from '../plans';
import type { PeriodSummaryDto } from '../reporting';

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
  /** Who owes reports, decided as the period opened (absent in histories recorded before it was). */
  expectedOrganizations?: string[];
}

/**
 * What the order workflow asks of the outside world. Implemented by the worker service over the bus;
 * workflows import this type only.
 */
export interface OrderActivities {
  setOrderStatus(orderId: string, status: OrderStatus): Promise<void>;
  registerOrder(orderId: string): Promise<{ registrationNumber: string; registeredOn: string }>;
  renderSignedOrder(orderId: string, signatory: Person): Promise<{ documentId: string; sha256: string }>;
  planReportingPeriods(orderId: string): Promise<PlannedPeriod[]>;
  openReportingPeriod(orderId: string, period: PlannedPeriod, deadlineWorkingDays: number): Promise<OpenedPeriod>;
  closeReportingPeriod(periodId: string): Promise<PeriodSummaryDto>;
  renderQuarterlyMemo(orderId: string, summary: PeriodSummaryDto): Promise<{ documentId: string }>;
  renderMonitoringMemo(orderId: string, summaries: PeriodSummaryDto[]): Promise<{ documentId: string }>;
}

/** The API's shapes, taken as types only from the bus contract: nothing of it is bundled into the page. */
export type {
  Decision,
  DocumentDto,
  DocumentKind,
  EventOutcome,
  OrderDto,
  OrderStatus,
  OrderWorkflowState,
  OrganizationDto,
  OrganizationImportPreview,
  OrganizationImportResult,
  RegionDto,
  Page,
  PeriodState,
  PlanDto,
  PlanEventDto,
  PlanResponsibleDto,
  PlanStatus,
  PlanSummaryDto,
  ReportingPeriodDto,
  Role,
  ResolvedResponsibleDto,
  ResponsibleLinkDto,
  StageState,
  SubmitReportRequest,
} from '@eduplan/contracts';
export type { DateInterval, ImportedPlanFile, Recurrence, ScheduleKind, Schedule } from '@eduplan/domain';

/** What `GET /health` answers (200 when all is up, 503 otherwise). */
export interface HealthReport {
  status: 'up' | 'down';
  services: Record<string, { status: 'up' | 'down'; message: string | null }>;
  postgres: 'up' | 'down';
  temporal: 'up' | 'down';
}

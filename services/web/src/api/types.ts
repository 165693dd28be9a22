import type { paths } from './generated/schema';

/**
 * Names for the answers and bodies the screens use, all taken from the generated OpenAPI types: nothing here
 * is written by hand, so a changed contract shows up as a type error where it matters.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonContent<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<R> = R extends Record<200, infer A> ? A : R extends Record<201, infer A> ? A : R extends Record<202, infer A> ? A : never;

/** What the operation answers on success. */
export type Answer<P extends keyof paths, M extends Method> = Operation<P, M> extends { responses: infer R } ? JsonContent<Success<R>> : never;
/** Its JSON body. */
export type Body<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
/** Its query parameters. */
export type Query<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = Answer<'/api/auth/me', 'get'>;
export type Role = Me['roles'][number];
export type Health = Answer<'/health', 'get'>;
export type Organization = Answer<'/api/organizations/{id}', 'get'>;
export type Region = Answer<'/api/regions', 'get'>[number];
export type Person = Answer<'/api/people/{id}', 'get'>;
export type CalendarYear = Answer<'/api/calendar/{year}', 'get'>;
export type PlanSummary = Answer<'/api/plans', 'get'>['items'][number];
export type Plan = Answer<'/api/plans/{id}', 'get'>;
export type PlanSection = Plan['sections'][number];
export type PlanEvent = PlanSection['events'][number];
export type Schedule = PlanEvent['deadline'];
export type PlanVersion = Answer<'/api/plans/{id}/versions', 'get'>[number];
export type PlanDiff = Answer<'/api/plans/{id}/versions/{from}/diff/{to}', 'get'>;
export type PlanResponsible = Answer<'/api/plans/{id}/responsible', 'get'>;
export type ImportPreview = Answer<'/api/plans/import/preview', 'post'>;
export type Order = Answer<'/api/orders/{id}', 'get'>;
export type OrderStatus = Order['status'];
export type OrderState = Answer<'/api/orders/{id}/state', 'get'>;
export type Stage = OrderState['stages'][number];
export type Decision = Body<'/api/orders/{id}/decisions', 'post'>['decision'];
export type ReportingPeriod = Answer<'/api/orders/{id}/periods', 'get'>[number];
export type Tasks = Answer<'/api/tasks', 'get'>;
export type OwedPeriod = Tasks['toReport']['items'][number];
export type ReportBody = Body<'/api/reports', 'post'>;
export type Report = Answer<'/api/reports/{id}', 'get'>;
export type DuePeriod = Answer<'/api/reports/due', 'get'>['items'][number];
export type Outcome = ReportBody['items'][number]['outcome'];
export type StoredDocument = Answer<'/api/documents/{id}', 'get'>;
export type AuditEntry = Answer<'/api/audit', 'get'>['items'][number];
export type OrganizationImportPreview = Answer<'/api/organizations/import/preview', 'post'>;
export type NotificationPage = Answer<'/api/notifications', 'get'>;
export type Notification = NotificationPage['items'][number];
export type Account = Answer<'/api/accounts', 'get'>['items'][number];
export type PeriodReportRow = Answer<'/api/orders/{id}/periods/{periodId}/reports', 'get'>['items'][number];
export type OverdueOrganization = Answer<'/api/orders/{id}/periods/{periodId}/overdue', 'get'>['items'][number];
export type Remark = NonNullable<OrderState['stages'][number]['decisions'][number]['remarks']>[number];
export type OrderMonitoring = Answer<'/api/orders/{id}/monitoring', 'get'>;
export type OutcomeCounts = OrderMonitoring['total'];
export type QuarterFigures = OrderMonitoring['quarters'][number];

import {
  accountResponse,
  actingPersonResponse,
  auditEntryResponse,
  auditQuery,
  calendarYearFields,
  calendarYearResponse,
  getCalendarYearRequest,
  confirmPlanResponsibleBody,
  createOrderBody,
  createPersonAccountBody,
  listAccountsRequest,
  resetPasswordBody,
  updateAccountChanges,
  createPlanRequest,
  createMunicipalityRequest,
  createOrganizationRequest,
  createPersonRequest,
  createRegionRequest,
  duePeriodResponse,
  listPeopleRequest,
  listReportsRequest,
  searchOrganizationsRequest,
  startOrganizationImportRequest,
  submitReportRequest,
  tasksQuery,
  tasksResponse,
  saveReportDraftRequest,
  correctReportRequest,
  updateOrganizationRequest,
  updatePersonRequest,
  decideRequest,
  diffPlanVersionsRequest,
  importPlanRequest,
  journalRequest,
  listOrdersRequest,
  listPlansRequest,
  documentResponse,
  loginRequest,
  mayActResponse,
  municipalityResponse,
  notificationPageResponse,
  notificationResponse,
  organizationImportPreviewResponse,
  organizationImportResultResponse,
  pageRequest,
  periodOverdueResponse,
  periodOverdueRequest,
  orderMonitoringRequest,
  orderMonitoringResponse,
  periodReportRowResponse,
  periodReportsRequest,
  PeopleRoutes,
  personResponse,
  planResponsibleResponse,
  regionResponse,
  substitutionFields,
  substitutionResponse,
  documentVerificationResponse,
  editPlanRequest,
  importedPlanFileResponse,
  organizationResponse,
  orderResponse,
  orderWorkflowStateResponse,
  pageResponse,
  planDiffResponse,
  planEdit,
  planResponse,
  planSummaryResponse,
  planVersionResponse,
  reportingPeriodResponse,
  reportResponse,
  reportDraftResponse,
  reportRevisionResponse,
  evidenceUploadResponse,
  MINISTRY_ROLES,
  ROLES,
  type Access,
  resubmitRequest,
  strictRequest,
  submitOrderRequest,
  updateOrderBody,
  uuid,
  type PlanEdit,
} from '@eduplan/contracts';
import { z } from 'zod';

/** How an operation answers when it succeeds. */
export type ApiAnswer =
  | { status: number; json: z.ZodTypeAny; description: string }
  | { status: number; file: 'application/pdf' | 'text/html' | 'application/octet-stream'; description: string }
  | { status: number; redirect: true; description: string };

/** How it takes its body: a JSON schema, or a file (multipart field «file», or raw bytes where allowed). */
export type ApiBody = { json: z.ZodTypeAny } | { upload: 'multipart' | 'multipart-or-raw' };

/** One HTTP operation of the gateway, described once: the OpenAPI document is generated from this list. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As the Nest controller declares it, `:name` for a path parameter. */
  path: string;
  tag: string;
  summary: string;
  params?: z.AnyZodObject;
  query?: z.AnyZodObject;
  body?: ApiBody;
  answer: ApiAnswer;
  /**
   * Who may call it (issue 8 item 6): the gateway refuses others with 401 or 403 before anything else runs,
   * and the service owning the data checks the actor against it. Open without signing in: health, sign-in,
   * the public verification and published documents.
   */
  access: Access;
}

/** The browser client's page and its files: served to anyone, not part of the API. */
export const WEB_PAGES: readonly string[] = ['GET /', 'GET /assets/:file'];

const ADMIN: Access = ['admin'];
const EDITOR: Access = ['editor'];
const REPORTER: Access = ['reporter'];

const byId = z.object({ id: uuid });
const calendarPath = z.object({ year: getCalendarYearRequest.shape.year });
const meAnswer = z.object({
  accountId: uuid,
  login: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  personId: uuid.nullable(),
  organization: z.object({ id: uuid, name: z.string(), shortName: z.string().nullable() }).nullable(),
  expiresAt: z.string().optional(),
});
const planSection = z.object({ id: uuid, sectionId: uuid });
const planEventPath = z.object({ id: uuid, eventId: uuid });
const baseVersion = z.object({ baseVersion: editPlanRequest.shape.baseVersion });

type EditOp = PlanEdit['op'];
/** A plan edit's own fields, as its option in `planEdit` declares them, without those the path carries. */
function editFields(op: EditOp, pathFields: string[] = []): z.AnyZodObject {
  const option = planEdit.optionsMap.get(op) as z.AnyZodObject;
  const omitted = Object.fromEntries(['op', ...pathFields].map((field) => [field, true as const]));
  return strictRequest(option.omit(omitted).merge(baseVersion));
}
/** Update operations take their changes at the top level of the body, beside `baseVersion`. */
function editChanges(op: 'updateSection' | 'updateEvent'): z.AnyZodObject {
  const option = planEdit.optionsMap.get(op) as z.AnyZodObject;
  return strictRequest((option.shape.changes as z.AnyZodObject).merge(baseVersion));
}

const json = (schema: z.ZodTypeAny) => ({ json: schema });
const ok = (schema: z.ZodTypeAny, description: string, status = 200): ApiAnswer => ({ status, json: schema, description });
const plan = ok(planResponse, 'the plan after the edit (its version increased by one)');

export const API_OPERATIONS: readonly ApiOperation[] = [
  // health
  { method: 'get', path: '/health', tag: 'health', access: 'anonymous', summary: 'Состояние сервисов, PostgreSQL и Temporal (503, если что-то недоступно)',
    answer: ok(z.object({ status: z.enum(['up', 'down']), services: z.record(z.object({ status: z.enum(['up', 'down']), message: z.string().nullable(), dependencies: z.record(z.enum(['up', 'down'])) })), postgres: z.enum(['up', 'down']), temporal: z.enum(['up', 'down']) }), 'every part up') },

  // organizations
  { method: 'post', path: '/api/organizations', tag: 'organizations', access: ADMIN, summary: 'Добавить организацию', body: json(strictRequest(createOrganizationRequest)), answer: ok(organizationResponse, 'created', 201) },
  { method: 'get', path: '/api/organizations', tag: 'organizations', access: 'signed-in', summary: 'Список организаций', answer: ok(z.array(organizationResponse), 'all organizations') },
  { method: 'get', path: '/api/organizations/search', tag: 'organizations', access: 'signed-in', summary: 'Поиск организаций по названию, с фильтрами, постранично', query: strictRequest(searchOrganizationsRequest), answer: ok(pageResponse(organizationResponse), 'a page of organizations') },
  { method: 'patch', path: '/api/organizations/:id', tag: 'organizations', access: ADMIN, summary: 'Изменить организацию (`active: false` — вывести из работы)', params: byId, body: json(strictRequest(updateOrganizationRequest.shape.changes)), answer: ok(organizationResponse, 'changed') },
  { method: 'post', path: '/api/organizations/import/preview', tag: 'organizations', access: ADMIN, summary: 'Загрузить таблицу организаций (.xlsx, CSV): проверка строк без записи', query: strictRequest(startOrganizationImportRequest.omit({ fileName: true })), body: { upload: 'multipart-or-raw' }, answer: ok(organizationImportPreviewResponse, 'the row-by-row report') },
  { method: 'post', path: '/api/organizations/import/:batchId', tag: 'organizations', access: ADMIN, summary: 'Подтвердить загрузку: все строки одной транзакцией или ни одной', params: z.object({ batchId: uuid }), answer: ok(organizationImportResultResponse, 'created', 201) },
  { method: 'get', path: '/api/organizations/:id/people', tag: 'people', access: 'signed-in', summary: 'Сотрудники организации (или кто занимает должность)', params: byId, query: strictRequest(listPeopleRequest.omit({ organizationId: true })), answer: ok(z.array(personResponse), 'the staff') },
  { method: 'post', path: '/api/regions', tag: 'organizations', access: ADMIN, summary: 'Добавить регион', body: json(strictRequest(createRegionRequest)), answer: ok(regionResponse, 'created', 201) },
  { method: 'get', path: '/api/regions', tag: 'organizations', access: 'signed-in', summary: 'Регионы', answer: ok(z.array(regionResponse), 'the regions') },
  { method: 'post', path: '/api/regions/:id/municipalities', tag: 'organizations', access: ADMIN, summary: 'Добавить муниципалитет региона', params: byId, body: json(strictRequest(createMunicipalityRequest.omit({ regionId: true }))), answer: ok(municipalityResponse, 'created', 201) },
  { method: 'get', path: '/api/regions/:id/municipalities', tag: 'organizations', access: 'signed-in', summary: 'Муниципалитеты региона', params: byId, answer: ok(z.array(municipalityResponse), 'the municipalities') },
  { method: 'post', path: '/api/people', tag: 'people', access: ADMIN, summary: 'Добавить сотрудника организации', body: json(strictRequest(createPersonRequest)), answer: ok(personResponse, 'created', 201) },
  { method: 'get', path: '/api/people/:id', tag: 'people', access: 'signed-in', summary: 'Сотрудник', params: byId, answer: ok(personResponse, 'the person') },
  { method: 'patch', path: '/api/people/:id', tag: 'people', access: ADMIN, summary: 'Изменить сотрудника (`active: false` — уволен)', params: byId, body: json(strictRequest(updatePersonRequest.shape.changes)), answer: ok(personResponse, 'changed') },
  { method: 'post', path: '/api/people/:id/substitutions', tag: 'people', access: ADMIN, summary: 'Назначить замещающего на даты отсутствия', params: byId, body: json(strictRequest(substitutionFields)), answer: ok(substitutionResponse, 'created', 201) },
  { method: 'get', path: '/api/people/:id/substitutions', tag: 'people', access: 'signed-in', summary: 'Замещения сотрудника', params: byId, answer: ok(z.array(substitutionResponse), 'the substitutions') },
  { method: 'post', path: '/api/substitutions/:id/cancel', tag: 'people', access: ADMIN, summary: 'Отменить замещение', params: byId, answer: ok(substitutionResponse, 'cancelled', 201) },
  { method: 'get', path: '/api/people/:id/acting', tag: 'people', access: 'signed-in', summary: 'Кто действует за сотрудника в этот день', params: byId, query: PeopleRoutes.actingFor.request.pick({ date: true }), answer: ok(actingPersonResponse, 'who acts') },
  { method: 'get', path: '/api/people/:id/may-act', tag: 'people', access: 'signed-in', summary: 'Может ли сотрудник действовать за другого в этот день, и в каком качестве', params: byId, query: z.object({ actor: uuid, date: PeopleRoutes.actingFor.request.shape.date }), answer: ok(mayActResponse, 'the answer') },
  { method: 'get', path: '/api/organizations/:id', tag: 'organizations', access: 'signed-in', summary: 'Организация', params: byId, answer: ok(organizationResponse, 'the organization') },

  // plans
  { method: 'post', path: '/api/plans', tag: 'plans', access: EDITOR, summary: 'Создать план своей организации', body: json(strictRequest(createPlanRequest)), answer: ok(planResponse, 'created', 201) },
  { method: 'get', path: '/api/plans', tag: 'plans', access: MINISTRY_ROLES, summary: 'Список планов без мероприятий: поиск в названии (q), год, состояние, сортировка (sort, dir), постранично', query: strictRequest(listPlansRequest), answer: ok(pageResponse(planSummaryResponse), 'a page of plans') },
  { method: 'get', path: '/api/plans/:id', tag: 'plans', access: MINISTRY_ROLES, summary: 'План с разделами и мероприятиями', params: byId, answer: ok(planResponse, 'the plan') },
  { method: 'post', path: '/api/plans/import/preview', tag: 'plans', access: EDITOR, summary: 'Разобрать файл плана (.docx или текст), ничего не сохраняя', body: { upload: 'multipart-or-raw' }, answer: ok(importedPlanFileResponse, 'what was recognised, with warnings') },
  { method: 'post', path: '/api/plans/import', tag: 'plans', access: EDITOR, summary: 'Создать план из проверенного результата разбора', body: json(strictRequest(importPlanRequest)), answer: ok(planResponse, 'created', 201) },
  { method: 'patch', path: '/api/plans/:id', tag: 'plan edits', access: EDITOR, summary: 'Изменить название или период плана', params: byId, body: json(editFields('updatePlan')), answer: plan },
  { method: 'post', path: '/api/plans/:id/sections', tag: 'plan edits', access: EDITOR, summary: 'Добавить раздел', params: byId, body: json(editFields('addSection')), answer: { ...plan, status: 201 } },
  { method: 'patch', path: '/api/plans/:id/sections/:sectionId', tag: 'plan edits', access: EDITOR, summary: 'Изменить раздел', params: planSection, body: json(editChanges('updateSection')), answer: plan },
  { method: 'delete', path: '/api/plans/:id/sections/:sectionId', tag: 'plan edits', access: EDITOR, summary: 'Удалить раздел', params: planSection, query: baseVersion, answer: plan },
  { method: 'post', path: '/api/plans/:id/sections/:sectionId/move', tag: 'plan edits', access: EDITOR, summary: 'Переместить раздел', params: planSection, body: json(editFields('moveSection', ['sectionId'])), answer: { ...plan, status: 201 } },
  { method: 'post', path: '/api/plans/:id/events', tag: 'plan edits', access: EDITOR, summary: 'Добавить мероприятие в раздел', params: byId, body: json(editFields('addEvent')), answer: { ...plan, status: 201 } },
  { method: 'post', path: '/api/plans/:id/events/merge', tag: 'plan edits', access: EDITOR, summary: 'Объединить мероприятия', params: byId, body: json(editFields('mergeEvents')), answer: { ...plan, status: 201 } },
  { method: 'patch', path: '/api/plans/:id/events/:eventId', tag: 'plan edits', access: EDITOR, summary: 'Изменить мероприятие', params: planEventPath, body: json(editChanges('updateEvent')), answer: plan },
  { method: 'delete', path: '/api/plans/:id/events/:eventId', tag: 'plan edits', access: EDITOR, summary: 'Удалить мероприятие', params: planEventPath, query: baseVersion, answer: plan },
  { method: 'post', path: '/api/plans/:id/events/:eventId/move', tag: 'plan edits', access: EDITOR, summary: 'Переместить мероприятие', params: planEventPath, body: json(editFields('moveEvent', ['eventId'])), answer: { ...plan, status: 201 } },
  { method: 'post', path: '/api/plans/:id/events/:eventId/split', tag: 'plan edits', access: EDITOR, summary: 'Разделить мероприятие по строкам', params: planEventPath, body: json(editFields('splitEvent', ['eventId'])), answer: { ...plan, status: 201 } },
  { method: 'get', path: '/api/plans/:id/versions', tag: 'plan edits', access: MINISTRY_ROLES, summary: 'Версии плана', params: byId, answer: ok(z.array(planVersionResponse), 'every version') },
  { method: 'get', path: '/api/plans/:id/versions/:from/diff/:to', tag: 'plan edits', access: MINISTRY_ROLES, summary: 'Что изменилось между версиями', params: diffPlanVersionsRequest.pick({ from: true, to: true }).extend({ id: uuid }), answer: ok(planDiffResponse, 'the changes') },
  { method: 'get', path: '/api/plans/:id/export', tag: 'plans', access: MINISTRY_ROLES, summary: 'План в формате JSON импорта', params: byId, answer: ok(importedPlanFileResponse, 'the plan as import JSON') },

  // tasks
  { method: 'get', path: '/api/tasks', tag: 'tasks', access: 'signed-in', summary: 'Мои задачи: приказы на согласование, подпись, регистрацию и доработку, отчёты к сдаче и просроченные', query: tasksQuery, answer: ok(tasksResponse, 'counts and the first items of each list') },

  // orders
  { method: 'post', path: '/api/orders', tag: 'orders', access: EDITOR, summary: 'Создать проект приказа к плану (подписант — сотрудник издателя, signatoryId)', body: json(createOrderBody), answer: ok(orderResponse, 'created', 201) },
  { method: 'get', path: '/api/orders', tag: 'orders', access: MINISTRY_ROLES, summary: 'Список приказов: поиск в заголовке и номере (q), фильтры, сортировка (sort, dir), постранично', query: strictRequest(listOrdersRequest), answer: ok(pageResponse(orderResponse), 'a page of orders') },
  { method: 'get', path: '/api/journal', tag: 'orders', access: MINISTRY_ROLES, summary: 'Журнал регистрации издателя: зарегистрированные акты по году, виду и номеру (только сотрудникам издателя)', query: strictRequest(journalRequest), answer: ok(pageResponse(orderResponse), 'a page of the journal') },
  { method: 'get', path: '/api/orders/:id', tag: 'orders', access: MINISTRY_ROLES, summary: 'Приказ', params: byId, answer: ok(orderResponse, 'the order') },
  { method: 'patch', path: '/api/orders/:id', tag: 'orders', access: EDITOR, summary: 'Изменить проект приказа', params: byId, body: json(updateOrderBody), answer: ok(orderResponse, 'the changed order') },
  { method: 'post', path: '/api/orders/:id/submit', tag: 'approval', access: EDITOR, summary: 'Направить проект на согласование по маршруту из сотрудников издателя (approverIds)', params: byId, body: json(submitOrderRequest), answer: ok(orderWorkflowStateResponse, 'the approval has started', 202) },
  { method: 'get', path: '/api/orders/:id/state', tag: 'approval', access: MINISTRY_ROLES, summary: 'Где приказ в своём процессе', params: byId, answer: ok(orderWorkflowStateResponse, 'the workflow state') },
  { method: 'post', path: '/api/orders/:id/decisions', tag: 'approval', access: ['approver'], summary: 'Решение согласующего этапа (или его замещающего в дни замещения)', params: byId, body: json(decideRequest), answer: ok(orderWorkflowStateResponse, 'the state after the decision', 201) },
  { method: 'post', path: '/api/orders/:id/resubmit', tag: 'approval', access: EDITOR, summary: 'Повторно направить доработанный проект', params: byId, body: json(resubmitRequest), answer: ok(orderWorkflowStateResponse, 'a new round has started', 201) },
  { method: 'post', path: '/api/orders/:id/sign', tag: 'approval', access: ['signatory'], summary: 'Подписать приказ (только подписант, указанный в приказе)', params: byId, answer: ok(orderWorkflowStateResponse, 'signed', 201) },
  { method: 'post', path: '/api/orders/:id/retry', tag: 'approval', access: ['editor', 'admin'], summary: 'Повторить шаг, который не удался, после устранения причины', params: byId, answer: ok(orderWorkflowStateResponse, 'the step runs again', 201) },
  { method: 'get', path: '/api/orders/:id/periods', tag: 'monitoring', access: MINISTRY_ROLES, summary: 'Отчётные периоды приказа', params: byId, answer: ok(z.array(reportingPeriodResponse), 'the periods') },
  { method: 'get', path: '/api/orders/:id/periods/:periodId/reports', tag: 'monitoring', access: MINISTRY_ROLES, summary: 'Кто отчитался за период: организации периода и их отчёты (сданные, несданные или все), постранично', params: z.object({ id: uuid, periodId: uuid }), query: strictRequest(periodReportsRequest.omit({ orderId: true, periodId: true })), answer: ok(pageResponse(periodReportRowResponse), 'a page of organizations, those owing first') },
  { method: 'get', path: '/api/orders/:id/periods/:periodId/overdue', tag: 'monitoring', access: MINISTRY_ROLES, summary: 'Кто опоздал с отчётом за период и на сколько дней (после срока), постранично', params: z.object({ id: uuid, periodId: uuid }), query: strictRequest(periodOverdueRequest.omit({ orderId: true, periodId: true, today: true })), answer: ok(periodOverdueResponse, 'a page of late organizations with days late; empty before the deadline') },
  { method: 'get', path: '/api/orders/:id/monitoring', tag: 'monitoring', access: MINISTRY_ROLES, summary: 'Показатели исполнения приказа: итоги, по направлениям, типам центров, муниципалитетам и организациям (постранично, сначала отстающие), динамика по кварталам; за период или за все', params: byId, query: strictRequest(orderMonitoringRequest.omit({ orderId: true })), answer: ok(orderMonitoringResponse, 'the figures') },
  { method: 'post', path: '/api/orders/:id/periods/:periodId/close', tag: 'monitoring', access: ['analyst', 'editor'], summary: 'Закрыть отчётный период досрочно', params: z.object({ id: uuid, periodId: uuid }), answer: ok(z.object({ accepted: z.literal(true) }), 'the workflow will close it and write the memo', 202) },
  { method: 'get', path: '/api/orders/:id/documents', tag: 'documents', access: MINISTRY_ROLES, summary: 'Документы приказа', params: byId, answer: ok(z.array(documentResponse), 'the documents') },
  { method: 'get', path: '/api/orders/:id/approval-sheet', tag: 'documents', access: MINISTRY_ROLES, summary: 'Лист согласования (PDF, не сохраняется)', params: byId, answer: { status: 200, file: 'application/pdf', description: 'the approval sheet' } },
  { method: 'post', path: '/api/orders/:id/draft-pdf', tag: 'documents', access: MINISTRY_ROLES, summary: 'Проект приказа в PDF с отметкой «ПРОЕКТ»', params: byId, answer: ok(documentResponse, 'the stored draft', 201) },

  // sign-in and the audit log
  { method: 'post', path: '/api/auth/login', tag: 'auth', access: 'anonymous', summary: 'Войти по логину и паролю (ставит cookie сессии)', body: json(loginRequest.pick({ login: true, password: true }).strict()), answer: ok(meAnswer, 'signed in') },
  { method: 'post', path: '/api/auth/logout', tag: 'auth', access: 'anonymous', summary: 'Выйти (сессия завершается)', answer: ok(z.object({ ended: z.boolean() }), 'the session ended, if there was one') },
  { method: 'get', path: '/api/auth/me', tag: 'auth', access: 'signed-in', summary: 'Кто вошёл: логин, имя, роли, организация', answer: ok(meAnswer, 'the signed-in person') },
  { method: 'get', path: '/api/auth/options', tag: 'auth', access: 'anonymous', summary: 'Доступен ли единый вход (OpenID Connect)', answer: ok(z.object({ oidc: z.boolean() }), 'the sign-in options') },
  { method: 'get', path: '/api/auth/oidc/start', tag: 'auth', access: 'anonymous', summary: 'Начать единый вход: переход к поставщику входа', answer: { status: 302, redirect: true, description: 'to the OpenID provider' } },
  { method: 'get', path: '/api/auth/oidc/callback', tag: 'auth', access: 'anonymous', summary: 'Возврат от поставщика входа (ставит cookie сессии)', answer: { status: 302, redirect: true, description: 'to the start page, signed in' } },
  { method: 'get', path: '/api/audit', tag: 'auth', access: ADMIN, summary: 'Журнал действий (только администратор)', query: strictRequest(auditQuery), answer: ok(pageResponse(auditEntryResponse), 'the entries of every service, newest first') },

  // accounts: the administrator's, checked again by the organizations service that keeps them
  { method: 'get', path: '/api/accounts', tag: 'auth', access: ADMIN, summary: 'Учётные записи: поиск по логину или имени, постранично', query: strictRequest(listAccountsRequest), answer: ok(pageResponse(accountResponse), 'a page of accounts') },
  { method: 'post', path: '/api/accounts', tag: 'auth', access: ADMIN, summary: 'Создать учётную запись сотрудника реестра (логин, роли, начальный пароль или идентификатор единого входа)', body: json(strictRequest(createPersonAccountBody)), answer: ok(accountResponse, 'created', 201) },
  { method: 'patch', path: '/api/accounts/:id', tag: 'auth', access: ADMIN, summary: 'Изменить роли, заблокировать (`active: false`, сессии завершаются) или разблокировать', params: byId, body: json(strictRequest(updateAccountChanges)), answer: ok(accountResponse, 'changed') },
  { method: 'post', path: '/api/accounts/:id/password', tag: 'auth', access: ADMIN, summary: 'Задать новый пароль (сессии завершаются, блокировка после неверных паролей снимается)', params: byId, body: json(strictRequest(resetPasswordBody)), answer: ok(accountResponse, 'the password is set') },

  // who answers for each event
  { method: 'get', path: '/api/plans/:id/responsible', tag: 'plans', access: MINISTRY_ROLES, summary: 'Ответственные плана: с какими организациями связана каждая строка, что осталось сопоставить', params: byId, answer: ok(planResponsibleResponse, 'the links') },
  { method: 'post', path: '/api/plans/:id/responsible/relink', tag: 'plans', access: EDITOR, summary: 'Сопоставить ответственных заново (после добавления организаций)', params: byId, answer: ok(planResponsibleResponse, 'linked again', 201) },
  { method: 'post', path: '/api/plans/:id/responsible/confirm', tag: 'plans', access: EDITOR, summary: 'Указать организацию для строки или отметить «не отчитывается» (запоминается для региона)', params: byId, body: json(confirmPlanResponsibleBody), answer: ok(planResponsibleResponse, 'remembered and linked again', 201) },

  // the production calendar deadlines are counted by
  { method: 'get', path: '/api/calendar/:year', tag: 'monitoring', access: 'signed-in', summary: 'Производственный календарь года: нерабочие дни, переносы, региональные праздники', params: calendarPath, query: strictRequest(getCalendarYearRequest.omit({ year: true })), answer: ok(calendarYearResponse, 'the year') },
  { method: 'put', path: '/api/calendar/:year', tag: 'monitoring', access: ADMIN, summary: 'Сохранить переносы выходных дней года по постановлению и региональные праздники', params: calendarPath, body: json(strictRequest(calendarYearFields)), answer: ok(calendarYearResponse, 'the stored year') },

  // reports
  // A center's reporter works with their own organization's periods and reports only (the reporting service checks whose).
  { method: 'post', path: '/api/reports', tag: 'monitoring', access: REPORTER, summary: 'Отправить отчёт своей организации за период (повтор с тем же заголовком Idempotency-Key или полем idempotencyKey сохраняет один отчёт; после срока — с отметкой о просрочке)', body: json(strictRequest(submitReportRequest)), answer: ok(reportResponse, 'stored (or the answer to the same key)', 201) },
  { method: 'post', path: '/api/reports/draft', tag: 'monitoring', access: REPORTER, summary: 'Сохранить черновик отчёта своей организации (не считается отправленным)', body: json(strictRequest(saveReportDraftRequest)), answer: ok(reportDraftResponse, 'the draft as saved') },
  { method: 'post', path: '/api/reports/files', tag: 'monitoring', access: REPORTER, summary: 'Загрузить файл-подтверждение к отчёту (PDF, JPEG, PNG, DOCX; тип — по содержимому; размер ограничен REPORT_FILE_MAX_BYTES)', query: strictRequest(z.object({ periodId: uuid })), body: { upload: 'multipart' }, answer: ok(evidenceUploadResponse, 'the stored file', 201) },
  { method: 'get', path: '/api/reports/files/:id', tag: 'monitoring', access: 'signed-in', summary: 'Файл-подтверждение: своей организации, а сотрудникам министерства — по его приказам', params: byId, answer: { status: 200, file: 'application/octet-stream', description: 'the file, its type found from its content' } },
  { method: 'get', path: '/api/reports/due', tag: 'monitoring', access: REPORTER, summary: 'Открытые отчётные периоды своей организации, её мероприятия в них и черновик', query: strictRequest(pageRequest), answer: ok(pageResponse(duePeriodResponse), 'the periods, nearest deadline first') },
  { method: 'get', path: '/api/reports', tag: 'monitoring', access: 'signed-in', summary: 'Отчёты своей организации (новые первыми); сотрудникам министерства — все отчёты периода по его приказу (periodId обязателен)', query: strictRequest(listReportsRequest), answer: ok(pageResponse(reportResponse), 'a page of reports') },
  { method: 'get', path: '/api/reports/:id', tag: 'monitoring', access: 'signed-in', summary: 'Отчёт: своей организации, а сотрудникам министерства — по его приказам', params: byId, answer: ok(reportResponse, 'the report') },
  { method: 'get', path: '/api/reports/:id/revisions', tag: 'monitoring', access: 'signed-in', summary: 'Редакции отчёта: первая отправка и каждое исправление (кто, когда, почему)', params: byId, answer: ok(z.array(reportRevisionResponse), 'every revision, first first') },
  { method: 'post', path: '/api/reports/:id/corrections', tag: 'monitoring', access: REPORTER, summary: 'Исправить отправленный отчёт своей организации с указанием причины (прежняя редакция сохраняется)', params: byId, body: json(strictRequest(correctReportRequest.omit({ id: true }))), answer: ok(reportResponse, 'the corrected report', 201) },

  // notifications: each person's own (another's id is answered 404)
  { method: 'get', path: '/api/notifications', tag: 'notifications', access: 'signed-in', summary: 'Мои уведомления (новые первыми) и сколько не прочитано', query: strictRequest(pageRequest), answer: ok(notificationPageResponse, 'a page of notifications with the unread count') },
  { method: 'post', path: '/api/notifications/read-all', tag: 'notifications', access: 'signed-in', summary: 'Отметить все мои уведомления прочитанными', answer: ok(z.object({ updated: z.number().int() }), 'how many were unread', 201) },
  { method: 'post', path: '/api/notifications/:id/read', tag: 'notifications', access: 'signed-in', summary: 'Отметить уведомление прочитанным', params: byId, answer: ok(notificationResponse, 'the notification, read', 201) },

  // documents and their verification
  // Published (signed) documents are open to anyone; any other only to its issuer's staff (401 without a session, 404 for others).
  { method: 'get', path: '/api/documents/:id', tag: 'documents', access: 'anonymous', summary: 'Сведения о документе (неопубликованный — сотрудникам издателя)', params: byId, answer: ok(documentResponse, 'the document') },
  { method: 'get', path: '/api/documents/:id/content', tag: 'documents', access: 'anonymous', summary: 'Файл документа (неопубликованный — сотрудникам издателя)', params: byId, answer: { status: 200, file: 'application/pdf', description: 'the stored file' } },
  { method: 'get', path: '/api/documents/:id/verification', tag: 'verification', access: 'anonymous', summary: 'Проверить сохранённый документ (неопубликованный — сотрудникам издателя)', params: z.object({ id: z.string() }), answer: ok(verificationAnswer(), 'the verdict') },
  { method: 'post', path: '/api/documents/verification', tag: 'verification', access: 'anonymous', summary: 'Проверить загруженный PDF', body: { upload: 'multipart' }, answer: ok(verificationAnswer(), 'the verdict') },
  { method: 'get', path: '/verify', tag: 'verification', access: 'anonymous', summary: 'Страница проверки документа (форма загрузки)', answer: { status: 200, file: 'text/html', description: 'the page' } },
  { method: 'get', path: '/verify/:documentId', tag: 'verification', access: 'anonymous', summary: 'Страница проверки документа по QR-коду', params: z.object({ documentId: z.string() }), answer: { status: 200, file: 'text/html', description: 'the verdict page' } },
  { method: 'post', path: '/verify', tag: 'verification', access: 'anonymous', summary: 'Страница с проверкой загруженного PDF', body: { upload: 'multipart' }, answer: { status: 200, file: 'text/html', description: 'the verdict page' } },
];

/** The JSON verification answer: the verdict with its Russian title and the act it belongs to. */
function verificationAnswer(): z.ZodTypeAny {
  return documentVerificationResponse.and(
    z.object({
      message: z.string(),
      act: z
        .object({
          kind: z.string(),
          title: z.string(),
          registrationNumber: z.string().nullable(),
          registeredOn: z.string().nullable(),
          issuer: z.string(),
          status: orderResponse.shape.status,
          inForce: z.boolean(),
          statusText: z.string(),
        })
        .nullable(),
    }),
  );
}

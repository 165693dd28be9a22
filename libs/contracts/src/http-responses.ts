import { z } from 'zod';
import type { AccountSummaryDto } from './accounts';
import { ROLES } from './actor';
import { BUS_ERROR_CODES } from './bus/bus-error';
import { strictRequest } from './bus/strict-request';
import { boundedInt } from './common';
import { DOCUMENT_KINDS, type DocumentDto, type DocumentVerificationDto } from './documents';
import type { OrganizationImportPreview, OrganizationImportResult } from './organization-import';
import { CENTER_TYPES, ORGANIZATION_KINDS, type MunicipalityDto, type OrganizationDto, type RegionDto } from './organizations';
import type { ActingPersonDto, MayActDto, PersonDto, SubstitutionDto } from './people';
import { POSITIONS } from './people-names';
import { responsibleLink, type PlanResponsibleDto } from './responsible-links';
import { DECISIONS, remarkRecord, type OrderWorkflowState } from './orders/order-workflow';
import {
  importedPlanFile,
  ORDER_KINDS,
  ORDER_STATUSES,
  PLAN_STATUSES,
  type OrderDto,
  type OrderTasksDto,
  type PlanDiff,
  type PlanDto,
  type PlanSummaryDto,
  type PlanVersionDto,
} from './plans';
import {
  attendance,
  EVENT_OUTCOMES,
  reportItemInput,
  type DuePeriodDto,
  type EvidenceUploadDto,
  type OrderMonitoringDto,
  type ReportDraftDto,
  type ReportDto,
  type ReportItemDto,
  type ReportingPeriodDto,
  type ReportRevisionDto,
  type OwedPeriodDto,
  type PeriodOverdueDto,
  type PeriodReportRowDto,
  type ReportingTasksDto,
} from './reporting';
import { AUDITED_SERVICES, type ServiceAuditEntryDto } from './audit';
import { NOTIFICATION_KINDS, type NotificationDto, type NotificationPage } from './notifications';
import { CALENDAR_ORIGINS, type CalendarYearDto } from './calendar';

/**
 * What the HTTP API answers, as zod schemas: the OpenAPI document is generated from them, and tests hold
 * real answers against them. Each is checked at compile time to be exactly its DTO type, so a DTO that
 * changes without its schema stops the build instead of leaving the document wrong.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only when the schema's output is exactly the DTO. */
const exactly = <T>() => <S extends z.ZodTypeAny>(schema: S & (Same<z.output<S>, T> extends true ? unknown : never)): S => schema;

const text = z.string();
const nullableText = z.string().nullable();
const timestamp = z.string().describe('ISO 8601 timestamp');
const date = z.string().describe('YYYY-MM-DD');
const id = z.string().uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256, hex');

/** Every refusal: `{ code, message }` with a Russian message; `service` names the service that refused. */
export const errorResponse = z.object({
  code: z.union([z.enum(BUS_ERROR_CODES), z.enum(['UNSUPPORTED_MEDIA_TYPE', 'RATE_LIMITED'])]),
  message: text.describe('по-русски: что не так и что исправить'),
  service: text.optional(),
  details: z.unknown().optional(),
});

export const pageResponse = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const organizationResponse = exactly<OrganizationDto>()(
  z.object({
    id,
    name: text,
    shortName: nullableText,
    kind: z.enum(ORGANIZATION_KINDS),
    centerType: z.enum(CENTER_TYPES).nullable(),
    regionId: id.nullable(),
    municipalityId: id.nullable(),
    parentId: id.nullable(),
    issuerId: id.nullable(),
    inn: nullableText,
    ogrn: nullableText,
    address: nullableText,
    timeZone: text,
    active: z.boolean(),
    createdAt: timestamp,
  }),
);

const dateInterval = z.object({ start: date, end: date });
const schedule = z.object({
  raw: text,
  kind: z.enum(['date', 'range', 'period', 'continuous', 'recurring', 'external', 'unknown']),
  intervals: z.array(dateInterval),
  recurrence: z.enum(['weekly', 'monthly', 'quarterly', 'annually']).nullable(),
  confidence: z.number(),
  warnings: z.array(text),
  repeatUntil: date.optional(),
});
const responsible = z.object({ name: text, organizationId: id.nullable(), raw: nullableText.optional() });
const planEvent = z.object({
  id,
  number: nullableText,
  title: text,
  content: nullableText,
  audience: nullableText,
  deadline: schedule,
  responsible: z.array(responsible),
  expectedResult: nullableText,
  subRows: z.array(z.object({ content: nullableText, responsible: z.array(responsible), deadline: schedule, expectedResult: nullableText })).optional(),
});
const section = z.object({ id, number: nullableText, title: text, directionCode: z.number().int().nullable(), events: z.array(planEvent) });
const planFields = {
  id,
  title: text,
  issuerId: id,
  period: dateInterval,
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES).optional(),
  createdAt: timestamp,
};

export const planResponse = exactly<PlanDto>()(z.object({ ...planFields, sections: z.array(section) }));
export const planSummaryResponse = exactly<PlanSummaryDto>()(
  z.object({ ...planFields, sectionCount: z.number().int(), eventCount: z.number().int() }),
);
export const planVersionResponse = exactly<PlanVersionDto>()(z.object({ version: z.number().int(), status: z.enum(PLAN_STATUSES), createdAt: timestamp }));

const itemRef = z.object({ id, number: nullableText, title: text });
const fieldChange = z.object({ field: text, before: z.unknown(), after: z.unknown() });
const changedItem = itemRef.extend({ changes: z.array(fieldChange) });
const itemChanges = z.object({ added: z.array(itemRef), removed: z.array(itemRef), changed: z.array(changedItem) });
/** Not held to `exactly`: zod types an `unknown` field (before, after) as optional, which PlanDiff's are not. */
export const planDiffResponse: z.ZodType<PlanDiff> = z.object({
  from: z.number().int(),
  to: z.number().int(),
  plan: z.array(fieldChange),
  sections: itemChanges,
  events: itemChanges,
}) as z.ZodType<PlanDiff>;

/** The plan in the import JSON shape: the preview's answer and the export. */
export const importedPlanFileResponse = importedPlanFile;

const person = z.object({ personId: id, name: text, position: text });
export const orderResponse = exactly<OrderDto>()(
  z.object({
    id,
    planId: id,
    issuerId: id,
    kind: z.enum(ORDER_KINDS),
    title: text,
    place: nullableText,
    basis: nullableText,
    points: z.array(text),
    signatory: person,
    status: z.enum(ORDER_STATUSES),
    registrationNumber: nullableText,
    registeredOn: date.nullable(),
    createdAt: timestamp,
  }),
);

export const orderWorkflowStateResponse = exactly<OrderWorkflowState>()(
  z.object({
    orderId: id,
    status: z.enum(ORDER_STATUSES),
    version: z.number().int(),
    round: z.number().int(),
    stages: z.array(
      z.object({
        name: text,
        status: z.enum(['waiting', 'active', 'approved', 'returned']),
        approvers: z.array(person),
        decisions: z.array(
          z.object({
            personId: id,
            name: text,
            position: text,
            actingFor: id.nullable(),
            decision: z.enum(DECISIONS),
            comment: nullableText,
            remarks: z.array(remarkRecord).optional(),
            version: z.number().int(),
            round: z.number().int(),
            contentSha256: sha256,
            decidedAt: timestamp,
          }),
        ),
      }),
    ),
    rounds: z.array(z.object({ round: z.number().int(), version: z.number().int(), planVersion: z.number().int(), contentSha256: sha256 })),
    signatory: person,
    signedContentSha256: sha256.nullable(),
    failure: z
      .object({ step: z.enum(['status', 'approval', 'registration', 'signing', 'monitoring', 'memo']), message: text, at: timestamp })
      .nullable(),
    registrationNumber: nullableText,
    orderDocumentId: id.nullable(),
    periods: z.array(
      z.object({
        year: z.number().int(),
        quarter: z.number().int(),
        start: date,
        end: date,
        deadline: date.nullable(),
        periodId: id.nullable(),
        status: z.enum(['waiting', 'open', 'closed']),
        expectedCount: z.number().int(),
        submittedCount: z.number().int(),
        memoDocumentId: id.nullable(),
      }),
    ),
    finalDocumentId: id.nullable(),
    history: z.array(z.object({ at: timestamp, status: z.enum(ORDER_STATUSES), note: nullableText })),
  }),
);

export const reportingPeriodResponse = exactly<ReportingPeriodDto>()(
  z.object({
    id,
    orderId: id,
    planId: id,
    year: z.number().int(),
    quarter: z.number().int(),
    start: date,
    end: date,
    deadline: date,
    status: z.enum(['open', 'closed']),
    expected: z.array(z.object({ organizationId: id, eventCount: z.number().int(), submitted: z.boolean() })),
    events: z.array(z.object({ eventId: id, due: z.number().int(), reported: z.number().int() })),
    calendarWarning: nullableText,
  }),
);

const evidenceFileResponse = z.object({ id, name: text, contentType: text, size: z.number().int() });
export const evidenceUploadResponse = exactly<EvidenceUploadDto>()(evidenceFileResponse.extend({ received: z.number().int(), complete: z.boolean() }));

const reportItemResponse = exactly<ReportItemDto>()(
  z.object({
    eventId: id,
    outcome: z.enum(EVENT_OUTCOMES),
    heldFrom: date.nullable(),
    heldTo: date.nullable(),
    postponedToDate: date.nullable(),
    postponedToQuarter: z.object({ year: z.number().int(), quarter: z.number().int() }).nullable(),
    attendance: attendance.nullable(),
    participants: z.number().int().nullable(),
    links: z.array(text),
    files: z.array(evidenceFileResponse),
    comment: nullableText,
  }),
);

export const reportResponse = exactly<ReportDto>()(
  z.object({
    id,
    periodId: id,
    organizationId: id,
    submittedAt: timestamp,
    late: z.boolean(),
    daysLate: z.number().int(),
    revision: z.number().int(),
    correctedAt: timestamp.nullable(),
    items: z.array(reportItemResponse),
  }),
);

export const calendarYearResponse = exactly<CalendarYearDto>()(
  z.object({
    year: z.number().int(),
    source: text,
    origin: z.enum(CALENDAR_ORIGINS),
    warning: nullableText,
    transfers: z.array(z.object({ from: date, to: date })),
    regionalHolidays: z.array(z.object({ issuerId: id, date, title: text })),
    daysOff: z.array(date),
    workingWeekendDays: z.array(date),
    workingDays: z.number().int(),
    updatedAt: timestamp.nullable(),
    updatedBy: nullableText,
  }),
);

export const reportRevisionResponse = exactly<ReportRevisionDto>()(
  z.object({ revision: z.number().int(), at: timestamp, by: text, reason: nullableText, items: z.array(reportItemResponse) }),
);

export const reportDraftResponse = exactly<ReportDraftDto>()(z.object({ periodId: id, savedAt: timestamp, items: z.array(reportItemInput) }));

export const duePeriodResponse = exactly<DuePeriodDto>()(
  z.object({
    id,
    orderId: id,
    planId: id,
    planTitle: nullableText,
    year: z.number().int(),
    quarter: z.number().int(),
    start: date,
    end: date,
    deadline: date,
    events: z.array(z.object({ id, number: nullableText, title: nullableText })),
    reportId: id.nullable(),
    submittedAt: timestamp.nullable(),
    draft: reportDraftResponse.nullable(),
  }),
);

const owedPeriodResponse = exactly<OwedPeriodDto>()(
  z.object({ periodId: id, orderId: id, planTitle: nullableText, year: z.number().int(), quarter: z.number().int(), deadline: date, missing: z.number().int() }),
);
const taskList = <S extends z.ZodTypeAny>(item: S) => z.object({ count: z.number().int(), items: z.array(item) });

/** `GET /api/tasks?limit=`: how many items of each list to bring (the counts are always whole). */
export const tasksQuery = strictRequest(z.object({ limit: boundedInt(1, 50).default(20) }));

/** «Мои задачи» (`GET /api/tasks`): each list bounded, with the count of all it was cut from; the lists a person's roles do not give are empty. */
export type TasksDto = OrderTasksDto & ReportingTasksDto;
export const tasksResponse = exactly<TasksDto>()(
  z.object({
    toDecide: taskList(orderResponse),
    toSign: taskList(orderResponse),
    toRegister: taskList(orderResponse),
    toRevise: taskList(orderResponse),
    toReport: taskList(owedPeriodResponse),
    overdue: taskList(owedPeriodResponse),
  }),
);

/** `before` and `after` are whatever the service recorded (any JSON): zod types `unknown` fields optional, hence the cast. */
export const auditEntryResponse: z.ZodType<ServiceAuditEntryDto> = z.object({
  service: z.enum(AUDITED_SERVICES),
  seq: z.number().int(),
  at: timestamp,
  actorAccountId: id.nullable(),
  actorLogin: nullableText,
  actingFor: nullableText,
  action: text,
  objectType: text,
  objectId: nullableText,
  before: z.unknown(),
  after: z.unknown(),
}) as z.ZodType<ServiceAuditEntryDto>;

export const periodReportRowResponse = exactly<PeriodReportRowDto>()(
  z.object({ organizationId: id, name: nullableText, dueEvents: z.number().int(), reportId: id.nullable(), submittedAt: timestamp.nullable(), held: z.number().int().nullable() }),
);

const count = z.number().int();
const outcomeCounts = { planned: count, held: count, partly: count, notHeld: count, postponed: count, unreported: count, participants: count };

export const orderMonitoringResponse = exactly<OrderMonitoringDto>()(
  z.object({
    orderId: id,
    periodId: id.nullable(),
    quarters: z.array(
      z.object({
        periodId: id,
        year: count,
        quarter: count,
        deadline: date,
        status: z.enum(['open', 'closed']),
        organizationCount: count,
        reportedCount: count,
        ...outcomeCounts,
      }),
    ),
    total: z.object(outcomeCounts),
    sections: z.array(z.object({ sectionId: id.nullable(), number: nullableText, title: nullableText, ...outcomeCounts })),
    centerTypes: z.array(z.object({ centerType: nullableText, ...outcomeCounts })),
    municipalities: z.array(z.object({ municipalityId: id.nullable(), name: nullableText, ...outcomeCounts })),
    organizations: pageResponse(z.object({ organizationId: id, name: nullableText, ...outcomeCounts })),
  }),
);

export const periodOverdueResponse = exactly<PeriodOverdueDto>()(
  z.object({
    deadline: date,
    expected: z.number().int(),
    total: z.number().int(),
    items: z.array(z.object({ organizationId: id, name: nullableText, dueEvents: z.number().int(), daysLate: z.number().int() })),
  }),
);

export const accountResponse = exactly<AccountSummaryDto>()(
  z.object({
    id,
    login: text,
    name: text,
    email: nullableText,
    roles: z.array(z.enum(ROLES)),
    organizationId: id.nullable(),
    organizationName: nullableText,
    personId: id.nullable(),
    active: z.boolean(),
    hasPassword: z.boolean(),
    oidcLinked: z.boolean(),
    createdAt: timestamp,
  }),
);

export const documentResponse = exactly<DocumentDto>()(
  z.object({
    id,
    kind: z.enum(DOCUMENT_KINDS),
    subjectId: id,
    version: z.number().int(),
    fileName: text,
    contentType: text,
    sha256: text,
    size: z.number().int(),
    signed: z.boolean(),
    createdBy: text,
    createdAt: timestamp,
  }),
);

const distinguishedName = z.object({ text, commonName: text.optional() });
export const documentVerificationResponse = exactly<DocumentVerificationDto>()(
  z.object({
    verdict: z.enum(['authentic', 'modified', 'untrusted', 'certificate_invalid', 'unknown_file', 'unsigned', 'signature_invalid']),
    sha256: text,
    size: z.number().int(),
    document: documentResponse.nullable(),
    identical: z.boolean(),
    signatures: z.object({
      valid: z.boolean(),
      problems: z.array(text),
      signatures: z.array(
        z.object({
          index: z.number().int(),
          valid: z.boolean(),
          signingTime: text.optional(),
          certificate: z
            .object({
              subject: distinguishedName,
              issuer: distinguishedName,
              serialNumber: text,
              validFrom: timestamp,
              validTo: timestamp,
              algorithm: z.enum(['RSA', 'GOST']),
            })
            .optional(),
          digestMatches: z.boolean(),
          signatureValid: z.boolean(),
          rangeExcludesOnlyContents: z.boolean(),
          chainTrusted: z.boolean().optional(),
          certificateValidAtSigningTime: z.boolean(),
          problems: z.array(text),
          warnings: z.array(text),
        }),
      ),
    }),
  }),
);

export const regionResponse = exactly<RegionDto>()(z.object({ id, name: text, code: nullableText }));
export const municipalityResponse = exactly<MunicipalityDto>()(z.object({ id, regionId: id, name: text }));

export const organizationImportPreviewResponse = exactly<OrganizationImportPreview>()(
  z.object({
    batchId: id,
    fileName: nullableText,
    rowCount: z.number().int(),
    validCount: z.number().int(),
    newMunicipalities: z.array(text),
    rows: z.array(
      z.object({
        line: z.number().int(),
        name: text,
        shortName: text,
        kind: z.enum(ORGANIZATION_KINDS).nullable(),
        centerType: z.enum(CENTER_TYPES).nullable(),
        inn: text,
        municipality: text,
        parent: text,
        problems: z.array(text),
      }),
    ),
  }),
);
export const organizationImportResultResponse = exactly<OrganizationImportResult>()(
  z.object({ batchId: id, created: z.number().int(), municipalitiesCreated: z.number().int() }),
);

export const personResponse = exactly<PersonDto>()(
  z.object({
    id,
    organizationId: id,
    fullName: text,
    position: z.enum(POSITIONS),
    positionTitle: nullableText,
    email: nullableText,
    phone: nullableText,
    active: z.boolean(),
  }),
);
export const substitutionResponse = exactly<SubstitutionDto>()(
  z.object({ id, personId: id, substituteId: id, from: date, to: date, reason: nullableText, cancelled: z.boolean() }),
);
export const actingPersonResponse = exactly<ActingPersonDto>()(
  z.object({ personId: id, actingPersonId: id, substitution: substitutionResponse.nullable() }),
);
export const mayActResponse = exactly<MayActDto>()(
  z.object({ allowed: z.boolean(), as: z.enum(['self', 'substitute']).nullable(), substitution: substitutionResponse.nullable() }),
);

/** Not held to `exactly`: the stored link's schema reads a group's fields as nullish where the DTO's union is narrower. */
export const planResponsibleResponse: z.ZodType<PlanResponsibleDto> = (
  z.object({
    planId: id,
    issuerId: id,
    linked: z.boolean(),
    events: z.array(
      z.object({
        eventId: id,
        number: nullableText,
        title: text,
        responsible: z.array(z.object({ raw: text, name: text, link: responsibleLink.nullable() })),
      }),
    ),
    unresolved: z.array(z.object({ raw: text, name: text, events: z.array(text) })),
  }) as z.ZodType<PlanResponsibleDto>
);

export const notificationResponse = exactly<NotificationDto>()(
  z.object({
    id,
    kind: z.enum(NOTIFICATION_KINDS),
    title: text,
    text: text,
    link: text.describe('the page of the object, from the web UI\'s root'),
    createdAt: timestamp,
    readAt: timestamp.nullable(),
  }),
);

export const notificationPageResponse = exactly<NotificationPage>()(
  z.object({ items: z.array(notificationResponse), total: z.number().int(), unread: z.number().int() }),
);

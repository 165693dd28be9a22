import type { DueEventDto, OpenPeriodRequest, ReportingPeriodDto, ReportItemDto } from '@eduplan/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Expands an opening period into rows in three set-based statements: its events, its organizations, and one
 * obligation per organization and event it owes (events × their responsibilities, expanded in PostgreSQL).
 */
export async function insertPeriodRows(m: EntityManager, periodId: string, request: OpenPeriodRequest): Promise<void> {
  await m.query(
    `INSERT INTO reporting.period_events (period_id, event_id, position, number, title, section_id, section_number, section_title)
     SELECT $1, (e.value->>'id')::uuid, e.ordinality, e.value->>'number', e.value->>'title',
            (e.value#>>'{section,id}')::uuid, e.value#>>'{section,number}', e.value#>>'{section,title}'
     FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY e
     ON CONFLICT DO NOTHING`,
    [periodId, JSON.stringify(request.events)],
  );
  // Organizations first (obligations refer to them): every one some event's responsibility names, with what the request tells of it.
  await m.query(
    `INSERT INTO reporting.period_organizations (period_id, organization_id, name, center_type, municipality_id)
     SELECT $1, owner.id, o.name, o."centerType", o."municipalityId"
     FROM (SELECT DISTINCT id::uuid AS id FROM jsonb_array_elements($2::jsonb) r, jsonb_array_elements_text(r.value->'organizationIds') id) owner
     LEFT JOIN (SELECT DISTINCT ON (id) * FROM jsonb_to_recordset($3::jsonb) AS o(id uuid, name text, "centerType" text, "municipalityId" uuid)) o
       ON o.id = owner.id`,
    [periodId, JSON.stringify(request.responsibilities), JSON.stringify(request.organizations)],
  );
  await m.query(
    `INSERT INTO reporting.period_obligations (period_id, organization_id, event_id)
     SELECT DISTINCT $1::uuid, organization.id::uuid, (e.value->>'id')::uuid
     FROM jsonb_array_elements($2::jsonb) e,
          jsonb_array_elements_text(e.value->'owners') owner(index),
          jsonb_array_elements_text($3::jsonb -> owner.index::int -> 'organizationIds') organization(id)`,
    [periodId, JSON.stringify(request.events), JSON.stringify(request.responsibilities)],
  );
}

/** How many organizations owe reports in a period, and how many due rows they owe. */
export async function obligationCounts(m: EntityManager, periodId: string): Promise<{ organizations: number; dueEvents: number }> {
  const [row] = await m.query(
    `SELECT (SELECT count(*) FROM reporting.period_organizations WHERE period_id = $1)::int AS organizations,
            (SELECT count(*) FROM reporting.period_obligations WHERE period_id = $1)::int AS "dueEvents"`,
    [periodId],
  );
  return row;
}

/**
 * Who a period expects, counted: per organization the events it owes and whether it reported, per event the
 * organizations owing it and how many of them reported. Bounded by the region and by the plan, never their product.
 */
export async function expectedOf(m: EntityManager, periodId: string): Promise<Pick<ReportingPeriodDto, 'expected' | 'events'>> {
  const owing = `
    SELECT o.organization_id, o.event_id,
           EXISTS (SELECT 1 FROM reporting.reports r WHERE r.period_id = o.period_id AND r.organization_id = o.organization_id) AS submitted
    FROM reporting.period_obligations o WHERE o.period_id = $1`;
  const [expected, events] = await Promise.all([
    m.query(
      `SELECT organization_id AS "organizationId", count(*)::int AS "eventCount", bool_or(submitted) AS submitted
       FROM (${owing}) owing GROUP BY organization_id ORDER BY organization_id`,
      [periodId],
    ) as Promise<ReportingPeriodDto['expected']>,
    m.query(
      `SELECT owing.event_id AS "eventId", count(*)::int AS due, count(*) FILTER (WHERE submitted)::int AS reported
       FROM (${owing}) owing
       LEFT JOIN reporting.period_events e ON e.period_id = $1 AND e.event_id = owing.event_id
       GROUP BY owing.event_id, e.position ORDER BY e.position, owing.event_id`,
      [periodId],
    ) as Promise<ReportingPeriodDto['events']>,
  ]);
  return { expected, events };
}

/** The events an organization owes in each of the periods, in the plan's order. */
export async function owedEvents(m: EntityManager, periodIds: string[], organizationId: string): Promise<Map<string, DueEventDto[]>> {
  const rows: (DueEventDto & { periodId: string })[] = await m.query(
    `SELECT o.period_id AS "periodId", o.event_id AS id, e.number, e.title
     FROM reporting.period_obligations o
     LEFT JOIN reporting.period_events e ON e.period_id = o.period_id AND e.event_id = o.event_id
     WHERE o.period_id = ANY($1::uuid[]) AND o.organization_id = $2
     ORDER BY e.position, o.event_id`,
    [periodIds, organizationId],
  );
  const owed = new Map<string, DueEventDto[]>();
  for (const { periodId, ...event } of rows) owed.set(periodId, [...(owed.get(periodId) ?? []), event]);
  return owed;
}

/**
 * A report's items as rows, in one set-based statement: the categories' total is stored beside them (what the
 * period's figures add up); links and the attached files, only ever shown, stay jsonb.
 */
export async function insertReportItems(m: EntityManager, report: { id: string; periodId: string; organizationId: string }, items: readonly ReportItemDto[]): Promise<void> {
  const rows = items.map((item, position) => ({
    eventId: item.eventId,
    position,
    outcome: item.outcome,
    heldFrom: item.heldFrom,
    heldTo: item.heldTo,
    ...item.attendance,
    participants: item.participants,
    postponedToDate: item.postponedToDate,
    postponedToYear: item.postponedToQuarter?.year ?? null,
    postponedToQuarter: item.postponedToQuarter?.quarter ?? null,
    links: item.links,
    files: item.files,
    comment: item.comment,
  }));
  await m.query(
    `INSERT INTO reporting.report_items (report_id, period_id, organization_id, event_id, position, outcome, held_from, held_to,
                                         students, teachers, parents, others, participants, postponed_to_date, postponed_to_year,
                                         postponed_to_quarter, links, files, comment)
     SELECT $1, $2, $3, i."eventId", i.position, i.outcome, i."heldFrom", i."heldTo", i.students, i.teachers, i.parents, i.others,
            i.participants, i."postponedToDate", i."postponedToYear", i."postponedToQuarter", i.links, i.files, i.comment
     FROM jsonb_to_recordset($4::jsonb) AS i("eventId" uuid, position int, outcome text, "heldFrom" date, "heldTo" date, students int,
          teachers int, parents int, others int, participants int, "postponedToDate" date, "postponedToYear" int, "postponedToQuarter" int,
          links jsonb, files jsonb, comment text)`,
    [report.id, report.periodId, report.organizationId, JSON.stringify(rows)],
  );
}

/** A correction replaces the report's rows: the previous ones live on in the report's revisions. */
export async function replaceReportItems(m: EntityManager, report: { id: string; periodId: string; organizationId: string }, items: readonly ReportItemDto[]): Promise<void> {
  await m.query(`DELETE FROM reporting.report_items WHERE report_id = $1`, [report.id]);
  await insertReportItems(m, report, items);
}

/** The reports' items read back from their rows, in the order they were sent, by report id. */
export async function reportItems(m: EntityManager, reportIds: string[]): Promise<Map<string, ReportItemDto[]>> {
  const rows: { reportId: string; item: ReportItemDto }[] = reportIds.length
    ? await m.query(
        `SELECT report_id AS "reportId",
                jsonb_build_object(
                  'eventId', event_id, 'outcome', outcome,
                  'heldFrom', to_char(held_from, 'YYYY-MM-DD'), 'heldTo', to_char(held_to, 'YYYY-MM-DD'),
                  'postponedToDate', to_char(postponed_to_date, 'YYYY-MM-DD'),
                  'postponedToQuarter', CASE WHEN postponed_to_year IS NULL THEN NULL ELSE jsonb_build_object('year', postponed_to_year, 'quarter', postponed_to_quarter) END,
                  'attendance', CASE WHEN participants IS NULL THEN NULL
                                     ELSE jsonb_build_object('students', students, 'teachers', teachers, 'parents', parents, 'others', others) END,
                  'participants', participants, 'links', links, 'files', files, 'comment', comment) AS item
         FROM reporting.report_items WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, position`,
        [reportIds],
      )
    : [];
  const items = new Map<string, ReportItemDto[]>(reportIds.map((id) => [id, []]));
  for (const { reportId, item } of rows) items.get(reportId)!.push(item);
  return items;
}

import type { ChangedItem, FieldChange, ItemRef, PlanDiff, PlanEventDto, PlanSnapshot, SectionDto } from '@eduplan/contracts';

type Located<T> = T & { section: Pick<SectionDto, 'id' | 'title'> };

/** What a reader compares in an event: the texts as written (a deadline by its words, not its parse). */
const EVENT_FIELDS: Record<string, (e: Located<PlanEventDto>) => unknown> = {
  number: (e) => e.number,
  title: (e) => e.title,
  content: (e) => e.content,
  audience: (e) => e.audience,
  deadline: (e) => e.deadline.raw,
  responsible: (e) => e.responsible.map(({ name, organizationId }) => ({ name, organizationId })),
  expectedResult: (e) => e.expectedResult,
  subRows: (e) =>
    (e.subRows ?? []).map((row) => ({
      content: row.content,
      responsible: row.responsible.map((r) => r.name),
      deadline: row.deadline.raw,
      expectedResult: row.expectedResult,
    })),
  section: (e) => ({ id: e.section.id, title: e.section.title }),
};

const SECTION_FIELDS: Record<string, (s: SectionDto, common: Set<string>) => unknown> = {
  number: (s) => s.number,
  title: (s) => s.title,
  directionCode: (s) => s.directionCode,
  eventOrder: (s, common) => s.events.map((e) => e.id).filter((id) => common.has(id)),
};

/** Added, removed and changed sections and events between two versions, matched by id, field by field. */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot, from: number, to: number): PlanDiff {
  const events = (plan: PlanSnapshot) =>
    plan.sections.flatMap((section) => section.events.map((event) => ({ ...event, section: { id: section.id, title: section.title } })));
  const commonEvents = commonIds(events(before), events(after));
  const commonSections = commonIds(before.sections, after.sections);
  const plan = changes(
    {
      title: (p: PlanSnapshot) => p.title,
      period: (p: PlanSnapshot) => p.period,
      sectionOrder: (p: PlanSnapshot) => p.sections.map((s) => s.id).filter((id) => commonSections.has(id)),
    },
    before,
    after,
  );
  return {
    from,
    to,
    plan,
    sections: compare(before.sections, after.sections, (b, a) =>
      changes(SECTION_FIELDS, b, a, commonEvents),
    ),
    events: compare(events(before), events(after), (b, a) => changes(EVENT_FIELDS, b, a)),
  };
}

function compare<T extends ItemRef>(
  before: T[],
  after: T[],
  fieldChanges: (before: T, after: T) => FieldChange[],
): PlanDiff['events'] {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const changed: ChangedItem[] = [];
  for (const item of after) {
    const old = beforeById.get(item.id);
    const itemChanges = old ? fieldChanges(old, item) : [];
    if (itemChanges.length > 0) changed.push({ ...ref(item), changes: itemChanges });
  }
  return {
    added: after.filter((item) => !beforeById.has(item.id)).map(ref),
    removed: before.filter((item) => !afterIds.has(item.id)).map(ref),
    changed,
  };
}

function changes<T, C>(fields: Record<string, (item: T, context: C) => unknown>, before: T, after: T, context?: C): FieldChange[] {
  return Object.entries(fields).flatMap(([field, read]) => {
    const [was, is] = [read(before, context as C), read(after, context as C)];
    return canonical(was) === canonical(is) ? [] : [{ field, before: was, after: is }];
  });
}

function commonIds(before: { id: string }[], after: { id: string }[]): Set<string> {
  const afterIds = new Set(after.map((item) => item.id));
  return new Set(before.map((item) => item.id).filter((id) => afterIds.has(id)));
}

/** JSON with object keys sorted: a snapshot read back from jsonb has its keys in another order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

const ref = ({ id, number, title }: ItemRef): ItemRef => ({ id, number, title });

import type { ChangedItem, ItemRef, PlanDiff } from '@eduplan/contracts';

/** Russian names of what a diff reports, for the person told what changed. */
const FIELD_NAMES: Record<string, string> = {
  title: 'название',
  period: 'период',
  sectionOrder: 'порядок разделов',
  number: 'номер',
  directionCode: 'направление',
  eventOrder: 'порядок мероприятий',
  content: 'содержание',
  audience: 'целевая аудитория',
  deadline: 'сроки',
  responsible: 'ответственные',
  expectedResult: 'ожидаемый результат',
  subRows: 'подстроки',
  section: 'раздел',
};

const name = (item: ItemRef) => (item.number ? `${item.number} «${item.title}»` : `«${item.title}»`);
const fields = (item: ChangedItem) => item.changes.map((change) => FIELD_NAMES[change.field] ?? change.field).join(', ');

/** One paragraph: «Мероприятия: добавлены 1.2 «…»; изменены 1.1 «…» (сроки, ответственные).» */
export function describePlanDiff(diff: PlanDiff): string {
  const parts: string[] = [];
  if (diff.plan.length > 0) parts.push(`План: изменены ${diff.plan.map((c) => FIELD_NAMES[c.field] ?? c.field).join(', ')}`);
  for (const [label, group] of [
    ['Разделы', diff.sections],
    ['Мероприятия', diff.events],
  ] as const) {
    const said = [
      group.added.length > 0 && `добавлены ${group.added.map(name).join(', ')}`,
      group.removed.length > 0 && `удалены ${group.removed.map(name).join(', ')}`,
      group.changed.length > 0 && `изменены ${group.changed.map((item) => `${name(item)} (${fields(item)})`).join(', ')}`,
    ].filter(Boolean);
    if (said.length > 0) parts.push(`${label}: ${said.join('; ')}`);
  }
  return parts.length > 0 ? `${parts.join('. ')}.` : 'Содержание плана не изменилось.';
}

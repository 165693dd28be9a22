import type { PlanSnapshot } from '@eduplan/contracts';
import { toEvent, toSection } from '../content/plan-content';
import { applyPlanEdit } from '../edits/apply-plan-edit';
import { describePlanDiff } from './describe-plan-diff';
import { diffPlans } from './plan-diff';

const period = { start: '2024-09-01', end: '2025-08-31' };
const newIds = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const base: PlanSnapshot = {
  title: 'План',
  period,
  sections: [
    {
      ...toSection({ number: '1', title: 'Совместные мероприятия' }, 's1'),
      events: [
        toEvent({ number: '1', title: 'Слёт', deadline: 'май 2025', responsible: [{ name: 'Министерство' }], subRows: [] }, period, 'a'),
        toEvent({ number: '2', title: 'Форум', deadline: 'июнь 2025', responsible: [], subRows: [] }, period, 'b'),
      ],
    },
    { ...toSection({ number: '2', title: 'Профориентация' }, 's2'), events: [] },
  ],
};

describe('diffPlans', () => {
  it('reports nothing between equal versions', () => {
    const diff = diffPlans(base, structuredClone(base), 1, 1);
    expect(diff).toEqual({ from: 1, to: 1, plan: [], sections: { added: [], removed: [], changed: [] }, events: { added: [], removed: [], changed: [] } });
    expect(describePlanDiff(diff)).toBe('Содержание плана не изменилось.');
  });

  it('reports added, removed and changed events field by field, matched by id', () => {
    let after = applyPlanEdit(base, { op: 'updateEvent', eventId: 'a', changes: { deadline: 'апрель 2025', responsible: [{ name: 'ЦНППМ' }] } }, newIds());
    after = applyPlanEdit(after, { op: 'deleteEvent', eventId: 'b' }, newIds());
    after = applyPlanEdit(after, { op: 'addEvent', sectionId: 's2', event: { number: '3', title: 'Ярмарка', deadline: 'март 2025', responsible: [], subRows: [] } }, newIds());
    after = applyPlanEdit(after, { op: 'updatePlan', title: 'План на 2024/2025 учебный год' }, newIds());
    const diff = diffPlans(base, after, 1, 5);
    expect(diff.plan).toEqual([{ field: 'title', before: 'План', after: 'План на 2024/2025 учебный год' }]);
    expect(diff.events).toEqual({
      added: [{ id: 'new-1', number: '3', title: 'Ярмарка' }],
      removed: [{ id: 'b', number: '2', title: 'Форум' }],
      changed: [
        {
          id: 'a',
          number: '1',
          title: 'Слёт',
          changes: [
            { field: 'deadline', before: 'май 2025', after: 'апрель 2025' },
            { field: 'responsible', before: [{ name: 'Министерство', organizationId: null }], after: [{ name: 'ЦНППМ', organizationId: null }] },
          ],
        },
      ],
    });
    expect(describePlanDiff(diff)).toBe(
      'План: изменены название. Мероприятия: добавлены 3 «Ярмарка»; удалены 2 «Форум»; изменены 1 «Слёт» (сроки, ответственные).',
    );
  });

  it('reports a move as a change of section and a reorder as a change of order, not as removal and addition', () => {
    const moved = applyPlanEdit(base, { op: 'moveEvent', eventId: 'b', sectionId: 's2' }, newIds());
    const diff = diffPlans(base, moved, 1, 2);
    expect(diff.events.added).toEqual([]);
    expect(diff.events.changed).toEqual([
      expect.objectContaining({ id: 'b', changes: [{ field: 'section', before: { id: 's1', title: 'Совместные мероприятия' }, after: { id: 's2', title: 'Профориентация' } }] }),
    ]);
    const reordered = applyPlanEdit(base, { op: 'moveEvent', eventId: 'b', sectionId: 's1', position: 0 }, newIds());
    expect(diffPlans(base, reordered, 1, 2).sections.changed).toEqual([
      expect.objectContaining({ id: 's1', changes: [{ field: 'eventOrder', before: ['a', 'b'], after: ['b', 'a'] }] }),
    ]);
  });
});

describe('diffPlans on versions read back from the database', () => {
  it('does not mistake a different order of keys for a change', () => {
    const reordered = { ...structuredClone(base), period: { end: period.end, start: period.start } };
    expect(diffPlans(base, reordered, 1, 2).plan).toEqual([]);
  });
});

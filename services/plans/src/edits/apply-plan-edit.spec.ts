import type { PlanEdit, PlanSnapshot } from '@eduplan/contracts';
import { toEvent, toSection } from '../content/plan-content';
import { applyPlanEdit } from './apply-plan-edit';

const period = { start: '2024-09-01', end: '2025-08-31' };
const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const event = (id: string, title: string, deadline: string, extra: object = {}) =>
  toEvent({ title, deadline, responsible: [{ name: 'Министерство' }], subRows: [], ...extra }, period, id);

function plan(): PlanSnapshot {
  return {
    title: 'План',
    period,
    sections: [
      { ...toSection({ number: '1', title: 'Организационное обеспечение' }, 's1'), events: [event('a', 'Совещание', 'сентябрь 2024'), event('b', 'Семинар', 'октябрь 2024')] },
      { ...toSection({ number: '2', title: 'Профориентация' }, 's2'), events: [event('c', 'Ярмарка', 'март 2025')] },
    ],
  };
}
const apply = (edit: PlanEdit, from = plan()) => applyPlanEdit(from, edit, ids());
const titles = (p: PlanSnapshot) => p.sections.map((s) => [s.title, s.events.map((e) => e.title)]);

describe('applyPlanEdit', () => {
  it('leaves the plan it was given untouched', () => {
    const before = plan();
    apply({ op: 'deleteEvent', eventId: 'a' }, before);
    expect(before).toEqual(plan());
  });

  it('recognises the standard direction of a new section from its title', () => {
    const next = apply({ op: 'addSection', section: { title: 'Наставничество и сопровождение обучающихся' }, position: 0 });
    expect(next.sections[0]).toMatchObject({ id: 'new-1', directionCode: 6, events: [] });
  });

  it('moves an event to another section and reorders sections', () => {
    const moved = apply({ op: 'moveEvent', eventId: 'a', sectionId: 's2', position: 0 });
    expect(titles(moved)).toEqual([
      ['Организационное обеспечение', ['Семинар']],
      ['Профориентация', ['Совещание', 'Ярмарка']],
    ]);
    expect(titles(apply({ op: 'moveSection', sectionId: 's2', position: 0 }, moved))[0][0]).toBe('Профориентация');
  });

  it('parses a changed deadline and re-reads every deadline when the period changes', () => {
    const next = apply({ op: 'updateEvent', eventId: 'a', changes: { deadline: '15.11.2024', content: null } });
    expect(next.sections[0].events[0].deadline).toMatchObject({ raw: '15.11.2024', intervals: [{ start: '2024-11-15', end: '2024-11-15' }] });
    const shifted = apply({ op: 'updatePlan', period: { start: '2025-01-01', end: '2025-12-31' } });
    expect(shifted.sections[0].events[0].deadline.raw).toBe('сентябрь 2024');
    expect(shifted.period).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('merges events into sub-rows of the first and splits them back, ids kept', () => {
    const merged = apply({ op: 'mergeEvents', eventIds: ['a', 'b'] });
    const [whole] = merged.sections[0].events;
    expect(merged.sections[0].events).toHaveLength(1);
    expect(whole).toMatchObject({ id: 'a', title: 'Совещание', content: 'Семинар', responsible: [{ name: 'Министерство' }] });
    expect(whole.deadline.raw).toBe('сентябрь 2024\nоктябрь 2024');
    expect(whole.deadline.intervals).toEqual([
      { start: '2024-09-01', end: '2024-09-30' },
      { start: '2024-10-01', end: '2024-10-31' },
    ]);
    expect(whole.subRows?.map((row) => [row.content, row.deadline.raw])).toEqual([
      [null, 'сентябрь 2024'],
      ['Семинар', 'октябрь 2024'],
    ]);
    const split = applyPlanEdit(merged, { op: 'splitEvent', eventId: 'a' }, ids());
    expect(split.sections[0].events.map((e) => [e.id, e.title, e.deadline.raw, e.subRows])).toEqual([
      ['a', 'Совещание', 'сентябрь 2024', []],
      ['new-1', 'Совещание', 'октябрь 2024', []],
    ]);
  });

  it('refuses what would lose or confuse content, saying what to do', () => {
    expect(() => apply({ op: 'deleteSection', sectionId: 's1' })).toThrow('Раздел «Организационное обеспечение» содержит мероприятий: 2');
    expect(() => apply({ op: 'splitEvent', eventId: 'c' })).toThrow('нет подстрок');
    expect(() => apply({ op: 'mergeEvents', eventIds: ['a', 'a'] })).toThrow('дважды');
    expect(() => apply({ op: 'deleteEvent', eventId: '00000000-0000-0000-0000-000000000000' })).toThrow('не найдено');
  });
});

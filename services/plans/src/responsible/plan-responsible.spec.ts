import type { PlanDto, ResponsibleLinkDto } from '@eduplan/contracts';
import { parseSchedule } from '@eduplan/domain';
import { planResponsible } from './plan-responsible';

const period = { start: '2024-09-01', end: '2025-08-31' };
const plan = (responsible: { name: string; raw?: string; organizationId?: string }[][]): PlanDto => ({
  id: 'plan',
  title: 'План',
  issuerId: 'issuer',
  period,
  version: 1,
  status: 'draft',
  createdAt: '2024-08-28T00:00:00Z',
  sections: [
    {
      id: 's',
      number: '1',
      title: 'Направление 1',
      directionCode: 1,
      events: responsible.map((items, i) => ({
        id: `e${i + 1}`,
        number: `1.${i + 1}`,
        title: `Мероприятие ${i + 1}`,
        content: null,
        audience: null,
        expectedResult: null,
        deadline: parseSchedule('октябрь 2024', period),
        responsible: items.map((r) => ({ name: r.name, raw: r.raw ?? null, organizationId: r.organizationId ?? null })),
      })),
    },
  ],
} as PlanDto);
const key = (text: string) => `${text}\u0000${text}`;

describe('which strings of a plan keep its order from approval', () => {
  it('a linked plan lists each string still to review or never linked, once, with the events naming it', () => {
    const links = new Map<string, ResponsibleLinkDto>([
      [key('Центры «IT-куб»'), { status: 'resolved', method: 'group', group: { kinds: ['center'], centerTypes: ['it_cube'] }, organizationIds: [], memberCount: 10, confidence: 0.95 }],
      [key('РМЦ'), { status: 'review', reason: 'не найдена', candidates: [], external: false }],
      [key('Минпросвещения России'), { status: 'not_reporting' }],
    ]);
    const found = planResponsible(plan([[{ name: 'Центры «IT-куб»' }, { name: 'РМЦ' }], [{ name: 'РМЦ' }, { name: 'Минпросвещения России' }], [{ name: 'Новый исполнитель' }]]), links);
    expect(found.linked).toBe(true);
    expect(found.unresolved).toEqual([
      { raw: 'РМЦ', name: 'РМЦ', events: ['1.1', '1.2'] },
      // Added by an edit after the plan was linked: nobody has answered for it yet.
      { raw: 'Новый исполнитель', name: 'Новый исполнитель', events: ['1.3'] },
    ]);
  });

  it('a string given an organization by hand is resolved, and a plan never linked blocks nothing', () => {
    const found = planResponsible(plan([[{ name: 'Центр', organizationId: 'center' }, { name: 'Кто-то' }]]), new Map());
    expect(found.linked).toBe(false);
    expect(found.unresolved).toEqual([]);
    expect(found.events[0].responsible[0].link).toEqual({ status: 'resolved', method: 'exact', organizationIds: ['center'], confidence: 1 });
  });
});

import type { PlanDto } from '@eduplan/contracts';
import { parseSchedule } from '@eduplan/domain';
import { owingIn, plannedPeriods } from './planned-periods';

const period = { start: '2024-09-01', end: '2025-08-31' };
const event = (id: string, deadline: string, organizationId: string | null) => ({
  id,
  number: null,
  title: id,
  content: null,
  audience: null,
  expectedResult: null,
  deadline: parseSchedule(deadline, period),
  responsible: [{ name: 'Центр', organizationId }],
});

describe('plannedPeriods', () => {
  it('asks each organization for the events due in each quarter, recurring ones in every quarter', () => {
    const plan: PlanDto = {
      id: 'p',
      title: 'План',
      issuerId: 'i',
      period,
      version: 1,
      createdAt: '2024-08-28T00:00:00Z',
      sections: [
        {
          id: 's',
          number: '1',
          title: 'Направление 1',
          directionCode: 1,
          events: [event('olympiad', 'октябрь 2024 года', 'center-a'), event('quarterly', 'Ежеквартально', 'center-b'), event('nobody', 'март 2025', null)],
        },
      ],
    };
    const periods = plannedPeriods(plan);
    expect(periods.map((p) => `${p.year}Q${p.quarter}`)).toEqual(['2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3']);
    expect(periods.find((p) => p.year === 2024 && p.quarter === 4)!.organizations).toBe(2);
    expect(periods.find((p) => p.year === 2025 && p.quarter === 1)!.organizations).toBe(1);
    const q4 = owingIn(plan, '2024-10-01', (e) => e.responsible.flatMap((r) => (r.organizationId ? [r.organizationId] : [])));
    expect(q4.events.map((e) => [e.id, q4.responsibilities[e.owners[0]].organizationIds])).toEqual([
      ['olympiad', ['center-a']],
      ['quarterly', ['center-b']],
    ]);
  });

  it('sends a group owing every event once, however many events and centers: bounded by their sum, not their product', () => {
    const centers = Array.from({ length: 1000 }, (_, i) => `center-${String(i).padStart(4, '0')}`);
    const events = Array.from({ length: 100 }, (_, i) => event(`event-${i}`, 'Ежеквартально', null));
    const plan = { id: 'p', title: 'План', issuerId: 'i', period, version: 1, createdAt: '2024-08-28T00:00:00Z',
      sections: [{ id: 's', number: '1', title: 'Направление 1', directionCode: 1, events }] } as PlanDto;
    const owing = owingIn(plan, '2024-10-01', () => centers);
    expect(owing.responsibilities).toEqual([{ organizationIds: centers }]);
    expect(owing.events).toHaveLength(100);
    expect(owing.events.every((e) => e.owners.length === 1 && e.owners[0] === 0 && e.section?.title === 'Направление 1')).toBe(true);
    expect(owing.organizationIds).toHaveLength(1000);
    expect(Buffer.byteLength(JSON.stringify({ events: owing.events, responsibilities: owing.responsibilities }))).toBeLessThan(64 * 1024);
  });
});

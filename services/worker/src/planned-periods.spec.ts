import type { PlanDto } from '@eduplan/contracts';
import { parseSchedule } from '@eduplan/domain';
import { plannedPeriods } from './planned-periods';

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
    const q4 = periods.find((p) => p.year === 2024 && p.quarter === 4)!;
    expect(q4.expected).toEqual([
      { organizationId: 'center-a', eventIds: ['olympiad'] },
      { organizationId: 'center-b', eventIds: ['quarterly'] },
    ]);
    expect(periods.find((p) => p.year === 2025 && p.quarter === 1)!.expected).toEqual([{ organizationId: 'center-b', eventIds: ['quarterly'] }]);
  });
});

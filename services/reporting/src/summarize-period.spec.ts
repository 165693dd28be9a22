import type { ReportingPeriodDto, ReportItemDto } from '@eduplan/contracts';
import { summarizePeriod } from './summarize-period';

const period: ReportingPeriodDto = {
  id: 'p',
  orderId: 'o',
  planId: 'pl',
  year: 2024,
  quarter: 4,
  start: '2024-10-01',
  end: '2024-12-31',
  deadline: '2025-01-21',
  status: 'open',
  expected: [
    { organizationId: 'a', eventIds: ['e1', 'e2'], submitted: true },
    { organizationId: 'b', eventIds: ['e3'], submitted: false },
  ],
};

/** A stored report item: what a test names, the rest empty. */
const item = (fields: Pick<ReportItemDto, 'eventId' | 'outcome'> & Partial<ReportItemDto>): ReportItemDto => ({
  heldFrom: null,
  heldTo: null,
  postponedToDate: null,
  postponedToQuarter: null,
  attendance: null,
  participants: null,
  links: [],
  files: [],
  comment: null,
  ...fields,
});

describe('summarizePeriod', () => {
  it('counts outcomes per organization, participants, and unreported events of silent organizations', () => {
    const summary = summarizePeriod(period, [
      {
        id: 'r',
        periodId: 'p',
        organizationId: 'a',
        submittedAt: '2025-01-10T10:00:00Z',
        late: false,
        daysLate: 0,
        revision: 1,
        correctedAt: null,
        items: [
          item({ eventId: 'e1', outcome: 'held', participants: 40 }),
          item({ eventId: 'e2', outcome: 'postponed', comment: 'перенесено на январь' }),
        ],
      },
    ]);
    expect(summary.total).toEqual({ planned: 3, held: 1, partly: 0, notHeld: 0, postponed: 1, unreported: 1, participants: 40 });
    expect(summary.items).toContainEqual({ eventId: 'e3', organizationId: 'b', outcome: null, participants: 0 });
    expect(summary.byOrganization.find((o) => o.organizationId === 'b')?.unreported).toBe(1);
    expect(summary.notHeld).toEqual([{ eventId: 'e2', organizationId: 'a', outcome: 'postponed', comment: 'перенесено на январь' }]);
  });
});

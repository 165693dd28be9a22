import type { OrderDto, OrganizationDto, PeriodSummaryDto, PlanDto } from '@eduplan/contracts';
import { renderMonitoringMemoPdf } from '@eduplan/pdf';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitoringFigures } from './monitoring-figures';

const issuer: OrganizationDto = {
  id: 'ministry',
  name: 'Министерство образования Тверской области',
  shortName: null,
  kind: 'ministry',
  centerType: null,
  regionId: null,
  municipalityId: null,
  parentId: null,
  issuerId: null,
  inn: null,
  ogrn: null,
  address: null,
  timeZone: 'Europe/Moscow',
  active: true,
  createdAt: '2025-08-01T00:00:00.000Z',
};
const center: OrganizationDto = { ...issuer, id: 'center', name: 'Центр «Точка роста» МОУ СОШ № 1', kind: 'center', centerType: 'tochka_rosta' };
const plan = {
  id: 'plan',
  title: 'Комплексный план мероприятий на 2025-2026 учебный год',
  issuerId: issuer.id,
  period: { start: '2025-09-01', end: '2026-08-31' },
  version: 1,
  sections: [{ id: 's1', number: '1', title: 'Профориентация', directionCode: 7, events: [{ id: 'e1', number: '1.1', title: 'Ярмарка профессий' }] }],
  createdAt: '2025-08-01T00:00:00.000Z',
} as unknown as PlanDto;
const quarter = (quarter: number, year: number, start: string, end: string): PeriodSummaryDto =>
  ({
    period: { id: `q${quarter}`, orderId: 'order', planId: plan.id, year, quarter, start, end, deadline: end, status: 'closed', expected: [] },
    total: { planned: 1, held: 1, partly: 0, notHeld: 0, postponed: 0 },
    byOrganization: [],
    items: [{ eventId: 'e1', organizationId: center.id, outcome: 'held', participants: 40 }],
    notHeld: [],
  }) as unknown as PeriodSummaryDto;

function pdfText(pdf: Buffer): { text: string; title: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eduplan-memo-'));
  try {
    const file = join(dir, 'memo.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const title = /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '';
    return { text, title };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('monitoring figures of the whole plan period', () => {
  it('name the period once, in words and Russian dates, in the memo heading and its title', async () => {
    const summaries = [quarter(3, 2025, '2025-07-01', '2025-09-30'), quarter(4, 2025, '2025-10-01', '2025-12-31')];
    const figures = monitoringFigures('monitoring_memo', {} as OrderDto, plan, issuer, [issuer, center], summaries);
    expect(figures.period).toEqual({ start: '2025-09-01', end: '2026-08-31', label: 'период действия плана' });

    const { text, title } = pdfText(await renderMonitoringMemoPdf(figures));
    expect(text.replace(/\s+/g, ' ')).toContain('по результатам мониторинга реализации плана за период действия плана (01.09.2025–31.08.2026)');
    expect(text.match(/01\.09\.2025/g)).toHaveLength(1);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(title).toBe('Справка по результатам мониторинга реализации плана за период действия плана (01.09.2025–31.08.2026)');
  });
});

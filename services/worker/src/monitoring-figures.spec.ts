import type { OrganizationDto, PeriodFiguresDto, PlanDto } from '@eduplan/contracts';
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
const counts = { planned: 2, held: 1, partly: 0, notHeld: 1, postponed: 0, unreported: 0, participants: 40 };
const figures = (periods: PeriodFiguresDto['periods'], more: Partial<PeriodFiguresDto> = {}): PeriodFiguresDto => ({
  periods,
  total: counts,
  sections: [{ sectionId: 's1', number: '1', title: 'Профориентация', ...counts }],
  organizations: [{ organizationId: center.id, name: center.name, ...counts }],
  centerTypes: [{ centerType: 'tochka_rosta', ...counts }],
  municipalities: [{ municipalityId: null, ...counts }],
  events: [{ eventId: 'e1', sectionId: 's1', ...counts }],
  exceptions: [],
  ...more,
});
const quarter = (quarter: number, year: number, start: string, end: string) => ({ id: `q${quarter}`, year, quarter, start, end });

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
    const memo = monitoringFigures('monitoring_memo', plan, issuer, [], figures([quarter(3, 2025, '2025-07-01', '2025-09-30'), quarter(4, 2025, '2025-10-01', '2025-12-31')]));
    expect(memo.period).toEqual({ start: '2025-09-01', end: '2026-08-31', label: 'период действия плана' });

    const { text, title } = pdfText(await renderMonitoringMemoPdf(memo));
    expect(text.replace(/\s+/g, ' ')).toContain('по результатам мониторинга реализации плана за период действия плана (01.09.2025–31.08.2026)');
    expect(text.match(/01\.09\.2025/g)).toHaveLength(1);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(title).toBe('Справка по результатам мониторинга реализации плана за период действия плана (01.09.2025–31.08.2026)');
  });
});

describe('monitoring figures of a region', () => {
  const region = figures([quarter(1, 2026, '2026-01-01', '2026-03-31')], {
    exceptions: [
      {
        eventId: 'e1',
        number: '1.1',
        title: 'Ярмарка профессий',
        partly: 0,
        notHeld: 3,
        postponed: 1,
        unreported: 996,
        organizations: ['Центр 0001', 'Центр 0002'],
        organizationCount: 1000,
        comments: ['Нет помещения', 'Перенесено из-за карантина'],
      },
    ],
  });

  it('give one line per event not held everywhere, with counts by outcome and the first centers named, not a line per center', () => {
    expect(monitoringFigures('quarterly_memo', plan, issuer, [], region).notHeld).toEqual([
      { number: '1.1', title: 'Ярмарка профессий', responsible: 'Центр 0001, Центр 0002 и ещё 998', reason: 'не проведено — 3, перенесено — 1, отчёт не представлен — 996; Нет помещения; Перенесено из-за карантина' },
    ]);
  });

  it('put the events of periods opened before sections were recorded in their section by the plan, and name unnamed centers by the registry', () => {
    const legacy = figures([quarter(1, 2026, '2026-01-01', '2026-03-31')], {
      sections: [{ sectionId: null, number: null, title: null, ...counts }],
      events: [{ eventId: 'e1', sectionId: null, ...counts }],
      organizations: [{ organizationId: center.id, name: null, ...counts }],
    });
    const memo = monitoringFigures('quarterly_memo', plan, issuer, [center], legacy);
    expect(memo.sections).toEqual([{ number: '1', title: 'Профориентация', counts: { planned: 2, held: 1, partlyHeld: 0, notHeld: 1, postponed: 0 }, participants: 40 }]);
    expect(memo.organizations.map((o) => o.name)).toEqual([center.name]);
    expect(memo.period.label).toBe('I квартал 2026 года');
  });
});

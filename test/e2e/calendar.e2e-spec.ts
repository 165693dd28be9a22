import { CalendarRoutes, type AuditEntryDto, type CalendarYearDto, type OrganizationDto, type Page } from '@eduplan/contracts';
import { natsClientEnv } from '@eduplan/infra';
import { loadConfig, standaloneBusClient } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import { reportDeadline } from '../../services/worker/src/report-deadline';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(300_000);

/**
 * The production calendar over HTTP: built-in decrees for everyone signed in, an administrator's year
 * replacing the built-in one (audited in the reporting service's log), regional holidays for one issuer only.
 */
describe('production calendar over HTTP', () => {
  let system: E2eSystem;
  let admin: HttpSession;
  let editor: HttpSession;
  let ministry: OrganizationDto;

  beforeAll(async () => {
    system = await E2eSystem.start();
    await system.until('every service up', async () => ((await system.anonymous('GET', '/health')).status === 200 ? true : undefined));
    const region = await system.http<{ id: string }>('POST', '/api/regions', { name: 'Республика Татарстан', code: '16' });
    ministry = (
      await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования и науки Республики Татарстан',
        kind: 'ministry',
        regionId: region.body.id,
        timeZone: 'Europe/Moscow',
      })
    ).body;
    admin = await system.signIn({ roles: ['admin'], organizationId: ministry.id });
    editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('shows a decreed year to anyone signed in, citing the decree', async () => {
    const answer = await editor.http<CalendarYearDto>('GET', '/api/calendar/2025');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ year: 2025, origin: 'built-in', warning: null, workingDays: 247, workingWeekendDays: ['2025-11-01'] });
    expect(answer.body.source).toContain('№ 1335');
    expect(answer.body.daysOff).toEqual(expect.arrayContaining(['2025-05-02', '2025-05-08', '2025-06-13', '2025-11-03', '2025-12-31']));
    expect((await system.anonymous('GET', '/api/calendar/2025')).status).toBe(401);
  });

  it('warns about a year without a decree', async () => {
    const answer = await editor.http<CalendarYearDto>('GET', '/api/calendar/2027');
    expect(answer.status).toBe(200);
    expect(answer.body.origin).toBe('rule');
    expect(answer.body.warning).toContain('о переносе выходных дней в 2027 году не загружено');
    expect((await editor.http<{ message: string }>('GET', '/api/calendar/1999')).status).toBe(400);
  });

  it('lets only the administrator store a year, which then replaces the rule and is audited', async () => {
    const year = {
      source: 'Постановление Правительства РФ от 01.09.2026 № 1234 «О переносе выходных дней в 2027 году»',
      transfers: [
        { from: '2027-01-02', to: '2027-05-04' },
        { from: '2027-01-03', to: '2027-12-31' },
      ],
      regionalHolidays: [{ issuerId: ministry.id, date: '2027-08-30', title: 'День Республики Татарстан' }],
    };
    const refused = await editor.http<{ message: string }>('PUT', '/api/calendar/2027', year);
    expect(refused.status).toBe(403);
    expect((await editor.http<CalendarYearDto>('GET', '/api/calendar/2027')).body.origin).toBe('rule');

    const stored = await admin.http<CalendarYearDto>('PUT', '/api/calendar/2027', year);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ origin: 'stored', warning: null, source: year.source, transfers: year.transfers, regionalHolidays: year.regionalHolidays });
    expect(stored.body.daysOff).toEqual(expect.arrayContaining(['2027-05-04', '2027-12-31']));
    // A regional holiday is a day off only for its issuer's centers.
    expect(stored.body.daysOff).not.toContain('2027-08-30');
    const regional = await editor.http<CalendarYearDto>('GET', `/api/calendar/2027?issuerId=${ministry.id}`);
    expect(regional.body.daysOff).toContain('2027-08-30');
    expect(regional.body.workingDays).toBe(stored.body.workingDays - 1);

    const audit = await admin.http<Page<AuditEntryDto>>('GET', '/api/audit?service=reporting');
    expect(audit.body.items.find((entry) => entry.action === 'calendar.put')).toMatchObject({ objectType: 'calendar_year', objectId: '2027', before: null });
  });

  it('gives the worker the stored year and only the issuer’s regional holidays to count deadlines by', async () => {
    const bus = standaloneBusClient(loadConfig(undefined, { ...process.env, ...natsClientEnv(system.env.NATS_URL!, system.natsUsers, 'worker') }));
    try {
      const own = await bus.request(CalendarRoutes.forDeadlines, { years: [2026, 2027], issuerId: ministry.id });
      expect(own.decrees.map((d) => [d.year, d.transfers.length])).toEqual([[2027, 2]]);
      expect(own.regionalDaysOff).toEqual(['2027-08-30']);
      expect((await bus.request(CalendarRoutes.forDeadlines, { years: [2027], issuerId: randomUUID() })).regionalDaysOff).toEqual([]);
      // Two working days from Thursday 26 August 2027: Friday 27, then Monday 30 is the ministry's holiday, so Tuesday 31.
      expect(reportDeadline('2027-08-26', '2027-08-26', 2, own)).toEqual({ deadline: '2027-08-31', calendarWarning: null });
    } finally {
      await bus.onApplicationShutdown();
    }
  });

  it('refuses transfers that are not from a weekend to a weekday, changing nothing', async () => {
    const answer = await admin.http<{ message: string }>('PUT', '/api/calendar/2026', {
      source: 'Постановление',
      transfers: [{ from: '2026-01-05', to: '2026-01-10' }],
      regionalHolidays: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('2026-01-05 — не суббота и не воскресенье');
    expect(answer.body.message).toContain('2026-01-10 — выходной день');
    const outside = await admin.http<{ message: string }>('PUT', '/api/calendar/2026', { source: 'Постановление', transfers: [{ from: '2025-01-04', to: '2026-01-09' }], regionalHolidays: [] });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('не в 2026 году');
    expect((await editor.http<CalendarYearDto>('GET', '/api/calendar/2026')).body.origin).toBe('built-in');
  });
});

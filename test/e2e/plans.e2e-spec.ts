import type { OrganizationDto, PlanDiff, PlanDto, PlanVersionDto, StaleEditDetails } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { docxFromText, FIXTURE_FILES, readFixture } from '@eduplan/domain/testing';
import * as iconv from 'iconv-lite';
import { Client } from 'pg';
import { E2eSystem } from '../support/e2e-system';

jest.setTimeout(120_000);

type ErrorBody = { code: string; message: string; details?: unknown };

describe('plans over HTTP: import preview and confirm, export, edits with versions', () => {
  let system: E2eSystem;
  let db: Client;
  let ministry: OrganizationDto;

  const upload = async <T>(body: Buffer | FormData, contentType?: string) => {
    const response = await fetch(`${system.baseUrl}/api/plans/import/preview`, {
      method: 'POST',
      body,
      headers: contentType ? { 'content-type': contentType } : {},
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const uploadForm = (bytes: Buffer, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    return upload<ImportedPlanFile>(form);
  };
  const rowCounts = async () =>
    (await db.query(`SELECT (SELECT count(*) FROM plans.plans) AS plans, (SELECT count(*) FROM plans.events) AS events, (SELECT count(*) FROM plans.plan_versions) AS versions`)).rows[0];
  const importFixture = async (name: keyof typeof FIXTURE_FILES) => {
    const preview = await upload<ImportedPlanFile>(Buffer.from(readFixture(name)), 'text/plain');
    expect(preview.status).toBe(200);
    const created = await system.http<PlanDto>('POST', '/api/plans/import', { issuerId: ministry.id, imported: preview.body });
    expect(created.status).toBe(201);
    return { imported: preview.body, plan: created.body };
  };

  beforeAll(async () => {
    system = await E2eSystem.start();
    db = new Client({ connectionString: system.databaseUrl });
    await db.connect();
    await system.until('organizations answering', async () => {
      const created = await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования Тверской области',
        kind: 'ministry',
        timeZone: 'Europe/Moscow',
      });
      return created.status === 201 ? created.body : undefined;
    }).then((created) => (ministry = created));
  });

  afterAll(async () => {
    await db?.end();
    await system?.stop();
  });

  it('previews a text file in cp1251 and a .docx without creating anything', async () => {
    const before = await rowCounts();
    const text = readFixture('tver');
    const cp1251 = await upload<ImportedPlanFile>(iconv.encode(text, 'windows-1251'), 'application/octet-stream');
    expect(cp1251.status).toBe(200);
    expect(cp1251.body.plan.sections.flatMap((s) => s.events)).toHaveLength(57);
    expect(cp1251.body.document).toMatchObject({ kind: 'prikaz', number: '1083/ПК' });
    const docx = await uploadForm(await docxFromText(text), 'plan.docx');
    expect(docx.status).toBe(200);
    expect(docx.body.plan.sections.flatMap((s) => s.events)).toHaveLength(57);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers bad files with the reason and creates nothing', async () => {
    const before = await rowCounts();
    const cases: [string, Buffer, number, RegExp][] = [
      ['empty', Buffer.alloc(0), 400, /файл пуст/],
      ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0xff]), 400, /^Файл не похож на план мероприятий/],
      ['not a plan', Buffer.from('Уважаемые коллеги!\nНаправляем информацию о семинаре.\n'), 400, /не найдена таблица мероприятий/],
      ['no header', Buffer.from('Раз\tдва\tтри\nчетыре\tпять\tшесть\n'), 400, /нет узнаваемой шапки/],
      ['50 MB', Buffer.alloc(50 * 1024 * 1024, 0x41), 413, /^Файл 50 МБ больше предела 20 МБ/],
    ];
    for (const [, bytes, status, message] of cases) {
      const answer = await upload<ErrorBody>(bytes, 'application/octet-stream');
      expect({ status: answer.status, message: answer.body.message }).toEqual({ status, message: expect.stringMatching(message) });
    }
    const largeForm = await uploadForm(Buffer.alloc(21 * 1024 * 1024, 0x41), 'plan.txt');
    expect(largeForm.status).toBe(413);
    const broken = await system.http<ErrorBody>('POST', '/api/plans/import', { issuerId: ministry.id, imported: { plan: {} } });
    expect(broken.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it.each(Object.keys(FIXTURE_FILES) as (keyof typeof FIXTURE_FILES)[])('gives back the %s plan as it was imported: import → API → export', async (name) => {
    const { imported, plan } = await importFixture(name);
    const exported = await system.http<ImportedPlanFile>('GET', `/api/plans/${plan.id}/export`);
    expect(exported.status).toBe(200);
    const withoutLines = imported.plan.sections.map((s) => ({ ...s, events: s.events.map(({ line: _line, ...event }) => event) }));
    expect(exported.body.plan).toEqual({ ...imported.plan, sections: withoutLines });
    expect(exported.body.document).toEqual(imported.document);
  });

  it('refuses a plan whose text holds a NUL character, naming the field, and creates nothing', async () => {
    const preview = await upload<ImportedPlanFile>(Buffer.from(readFixture('samara')), 'text/plain');
    preview.body.plan.sections[0].events[0].content = 'Содержание\u0000';
    const before = await rowCounts();
    const refused = await system.http<{ message: string }>('POST', '/api/plans/import', { issuerId: ministry.id, imported: preview.body });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('imported.plan.sections.0.events.0.content: текст содержит нулевой символ');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists the plans of an issuer over HTTP and says what is wrong with a bad page', async () => {
    const listed = await system.http<{ items: { title: string; eventCount: number }[]; total: number }>('GET', `/api/plans?issuerId=${ministry.id}&limit=1`);
    expect(listed.status).toBe(200);
    expect(listed.body.total).toBeGreaterThanOrEqual(3);
    expect(listed.body.items).toHaveLength(1);
    const bad = await system.http<{ message: string }>('GET', '/api/plans?limit=много');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/limit/);
    expect((await system.http('GET', `/api/orders?status=unknown`)).status).toBe(400);
  });

  it('refuses a stale edit with 409 and what changed, then lists and diffs the versions', async () => {
    const { plan } = await importFixture('samara');
    const [first, second] = plan.sections[0].events;
    const edited = await system.http<PlanDto>('PATCH', `/api/plans/${plan.id}/events/${first.id}`, { baseVersion: 1, deadline: 'ноябрь 2021 г.' });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);

    const stale = await system.http<ErrorBody>('PATCH', `/api/plans/${plan.id}/events/${first.id}`, { baseVersion: 1, title: 'Другое название' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/^План уже изменён: правка сделана на версии 1, а текущая версия 2\. С тех пор: Мероприятия: изменены .* \(сроки\)\. Обновите план/);
    expect((stale.body.details as StaleEditDetails).diff?.events.changed[0].changes).toEqual([
      { field: 'deadline', before: first.deadline.raw, after: 'ноябрь 2021 г.' },
    ]);

    const removed = await system.http<PlanDto>('DELETE', `/api/plans/${plan.id}/events/${second.id}?baseVersion=2`);
    expect(removed.status).toBe(200);
    const missingVersion = await system.http<ErrorBody>('DELETE', `/api/plans/${plan.id}/events/${first.id}`);
    expect(missingVersion.status).toBe(400);

    const versions = await system.http<PlanVersionDto[]>('GET', `/api/plans/${plan.id}/versions`);
    expect(versions.body.map((v) => v.version)).toEqual([1, 2, 3]);
    const diff = await system.http<PlanDiff>('GET', `/api/plans/${plan.id}/versions/1/diff/3`);
    expect(diff.body.events.removed).toEqual([{ id: second.id, number: second.number, title: second.title }]);
    expect(diff.body.events.changed.map((e) => [e.id, e.changes.map((c) => c.field)])).toEqual([[first.id, ['deadline']]]);
  });
});

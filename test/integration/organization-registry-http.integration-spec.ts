import type { ActingPersonDto, OrganizationDto, OrganizationImportPreview, Page, PersonDto, RegionDto, SubstitutionDto } from '@eduplan/contracts';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { GatewaySystem } from '../support/gateway-system';
import { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

type Answer<T = Record<string, unknown>> = { status: number; body: T & { code?: string; message?: string } };

/**
 * The registry through HTTP: regions, edit and deactivate by PATCH, paged search with filters, and the bulk
 * import of an .xlsx (multipart) and a Windows-1251 CSV (raw body) through preview and confirm. The gateway
 * and the organizations service run on a private NATS and a fresh database.
 */
describe('organization registry and its import over HTTP', () => {
  let system: GatewaySystem;
  let admin: HttpSession;
  let region: RegionDto;
  let ministry: OrganizationDto;

  /** As the administrator who keeps the registry. */
  const send = async <T>(method: string, path: string, body?: string | FormData | Uint8Array, contentType?: string): Promise<Answer<T>> => {
    const response = await admin.fetch(path, { method, body, headers: contentType ? { 'content-type': contentType } : {} });
    const text = await response.text();
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text } };
  };
  const json = <T>(method: string, path: string, body?: unknown) => send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), 'application/json');

  beforeAll(async () => {
    system = await GatewaySystem.start('orgs_http', ['organizations']);
    admin = await system.signIn({ roles: ['admin'] });
    region = (await json<RegionDto>('POST', '/api/regions', { name: 'Тверская область', code: '69' })).body;
    const created = await json<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry', regionId: region.id });
    expect(created.status).toBe(201);
    ministry = created.body;
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('imports an .xlsx through preview and confirm, then finds, edits and deactivates what it created', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Центры');
    sheet.addRow(['Полное наименование', 'Краткое наименование', 'Тип', 'Муниципалитет', 'Вышестоящая организация']);
    sheet.addRow(['МОУ «Гимназия № 2» г. Ржева', 'Гимназия № 2', 'Общеобразовательная организация', 'Ржевский муниципальный округ', '']);
    for (let i = 1; i <= 30; i++) sheet.addRow([`Центр «Точка роста» № ${i}`, '', 'Точка роста', 'Ржевский муниципальный округ', 'Гимназия № 2']);
    sheet.addRow(['Центр «IT-куб» г. Ржева', '', 'IT-куб', 'Ржевский муниципальный округ', 'Гимназия № 2']);
    const form = new FormData();
    form.append('file', new Blob([await workbook.xlsx.writeBuffer()]), 'центры.xlsx');
    const preview = await send<OrganizationImportPreview>('POST', `/api/organizations/import/preview?regionId=${region.id}&issuerId=${ministry.id}`, form);
    expect(preview).toMatchObject({ status: 200, body: { rowCount: 32, validCount: 32, fileName: 'центры.xlsx', newMunicipalities: ['Ржевский муниципальный округ'] } });
    expect((await json('POST', `/api/organizations/import/${preview.body.batchId}`)).body).toMatchObject({ created: 32, municipalitiesCreated: 1 });

    const [municipality] = (await json<{ id: string }[]>('GET', `/api/regions/${region.id}/municipalities`)).body;
    const page = await json<Page<OrganizationDto>>('GET', `/api/organizations/search?municipalityId=${municipality.id}&centerType=tochka_rosta&limit=10&offset=10`);
    expect(page).toMatchObject({ status: 200, body: { total: 30 } });
    expect(page.body.items).toHaveLength(10);
    const [cube] = (await json<Page<OrganizationDto>>('GET', `/api/organizations/search?query=${encodeURIComponent('it-куб ржева')}`)).body.items;
    expect(cube).toMatchObject({ kind: 'center', centerType: 'it_cube', issuerId: ministry.id, regionId: region.id });

    const edited = await json<OrganizationDto>('PATCH', `/api/organizations/${cube.id}`, { address: 'г. Ржев, ул. Ленина, 5', active: false });
    expect(edited).toMatchObject({ status: 200, body: { address: 'г. Ржев, ул. Ленина, 5', active: false } });
    expect((await json<Page<OrganizationDto>>('GET', `/api/organizations/search?query=${encodeURIComponent('it-куб ржева')}`)).body.total).toBe(0);
    expect((await json<OrganizationDto>('GET', `/api/organizations/${cube.id}`)).body.active).toBe(false);
    const badKind = await json('GET', '/api/organizations/search?kind=bank');
    expect(badKind).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    const badInn = await json('PATCH', `/api/organizations/${cube.id}`, { inn: '6900000001' });
    expect(badInn.status).toBe(400);
    expect(badInn.body.message).toContain('ИНН «6900000001» неверен');
  });

  it('previews a Windows-1251 CSV with «;» sent as the raw body and refuses to confirm it while a row is wrong', async () => {
    const csv = ['Полное наименование;ИНН;Тип', 'МОУ СОШ № 5 г. Торжка;;Школа', 'ГБУ «Неизвестно что»;;Банк'].join('\r\n');
    const preview = await send<OrganizationImportPreview>('POST', `/api/organizations/import/preview?regionId=${region.id}`, iconv.encode(csv, 'windows-1251'), 'text/csv');
    expect(preview).toMatchObject({ status: 200, body: { rowCount: 2, validCount: 1 } });
    expect(preview.body.rows[0]).toMatchObject({ line: 3, name: 'ГБУ «Неизвестно что»', problems: [expect.stringContaining('неизвестный тип «Банк»')] });
    const refused = await json('POST', `/api/organizations/import/${preview.body.batchId}`);
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect((await json<Page<OrganizationDto>>('GET', `/api/organizations/search?query=${encodeURIComponent('СОШ № 5 г. Торжка')}`)).body.total).toBe(0);
    const notTable = await send('POST', '/api/organizations/import/preview', Buffer.from('%PDF-1.7 ...'), 'application/pdf');
    expect(notTable).toMatchObject({ status: 400, body: { message: expect.stringContaining('это PDF') } });
  });

  it('keeps the staff of the ministry and answers who acts for the minister on a date', async () => {
    const hire = async (fullName: string, position: string) =>
      (await json<PersonDto>('POST', '/api/people', { organizationId: ministry.id, fullName, position })).body;
    const minister = await hire('Колесников Иван Сергеевич', 'minister');
    const deputy = await hire('Смирнова Анна Петровна', 'deputy_minister');
    expect((await json<PersonDto[]>('GET', `/api/organizations/${ministry.id}/people?position=minister`)).body.map((p) => p.id)).toEqual([minister.id]);
    const substitution = await json<SubstitutionDto>('POST', `/api/people/${minister.id}/substitutions`, { substituteId: deputy.id, from: '2025-07-01', to: '2025-07-14' });
    expect(substitution).toMatchObject({ status: 201, body: { personId: minister.id, substituteId: deputy.id } });
    expect((await json<ActingPersonDto>('GET', `/api/people/${minister.id}/acting?date=2025-07-03`)).body.actingPersonId).toBe(deputy.id);
    expect((await json<ActingPersonDto>('GET', `/api/people/${minister.id}/acting?date=2025-07-15`)).body.actingPersonId).toBe(minister.id);
    expect((await json('GET', `/api/people/${minister.id}/may-act?actor=${deputy.id}&date=2025-07-20`)).body).toMatchObject({ allowed: false });
    const backwards = await json('POST', `/api/people/${minister.id}/substitutions`, { substituteId: deputy.id, from: '2025-08-10', to: '2025-08-01' });
    expect(backwards).toMatchObject({ status: 400, body: { message: expect.stringContaining('дата окончания замещения раньше даты начала') } });
    expect((await json('GET', `/api/people/${minister.id}/acting?date=2025-02-30`)).status).toBe(400);
  });

  it('lets only the administrator change the registry: 401 without a session, 403 for other roles, reads for everyone signed in', async () => {
    const ministryBody = { name: 'Министерство просвещения (подделка)', kind: 'ministry' };
    const anonymous = HttpSession.anonymous(system.baseUrl);
    expect(await anonymous.http('POST', '/api/organizations', ministryBody)).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect((await anonymous.http('GET', '/api/organizations/search')).status).toBe(401);
    const [reporter, editor] = await Promise.all([
      system.signIn({ roles: ['reporter'], organizationId: ministry.id }),
      system.signIn({ roles: ['editor', 'approver'], organizationId: ministry.id }),
    ]);
    for (const session of [reporter, editor]) {
      expect(await session.http('POST', '/api/organizations', ministryBody)).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN', message: 'Недостаточно прав: нужна роль «администратор»' },
      });
      expect((await session.http('PATCH', `/api/organizations/${ministry.id}`, { active: false })).status).toBe(403);
      expect((await session.http('POST', '/api/people', { organizationId: ministry.id, fullName: 'Самозванец', position: 'minister' })).status).toBe(403);
      expect((await session.http('POST', '/api/regions', { name: 'Новая область' })).status).toBe(403);
      expect((await session.http<Page<OrganizationDto>>('GET', `/api/organizations/search?query=${encodeURIComponent('Министерство образования Тверской')}`)).body.items.map((o) => o.id)).toEqual([ministry.id]);
      expect((await session.http('GET', `/api/regions/${region.id}/municipalities`)).status).toBe(200);
    }
    expect((await json<OrganizationDto>('GET', `/api/organizations/${ministry.id}`)).body.active).toBe(true);
    expect((await json<Page<OrganizationDto>>('GET', `/api/organizations/search?query=${encodeURIComponent('подделка')}&status=all`)).body.total).toBe(0);
  });
});

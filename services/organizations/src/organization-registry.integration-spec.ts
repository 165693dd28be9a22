import { AuditRoutes, isValidInn, OrganizationRoutes, type OrganizationDto, type RequestOf, type Role } from '@eduplan/contracts';
import { testActor } from '@eduplan/infra/testing';
import { ZodError } from 'zod';
import { failureOf, startOrganizationsService, testInn, type OrganizationsServiceUnderTest } from './organizations-service.testing';

jest.setTimeout(60_000);

describe('organization registry over NATS against PostgreSQL', () => {
  let service: OrganizationsServiceUnderTest;
  const R = OrganizationRoutes;
  const admin = testActor(['admin']);
  const create = (request: Omit<RequestOf<typeof R.create>, 'actor'>) => service.bus.request(R.create, { ...request, actor: admin });

  beforeAll(async () => {
    service = await startOrganizationsService('org_registry');
  });
  afterAll(() => service?.stop());

  it('places a center under region → municipality → school, with the issuer it answers to', async () => {
    const region = await service.bus.request(R.createRegion, { actor: admin, name: 'Кировская область', code: '43' });
    const municipality = await service.bus.request(R.createMunicipality, { actor: admin, regionId: region.id, name: 'город Киров' });
    const ministry = await create({ name: 'Министерство образования Кировской области', kind: 'ministry', regionId: region.id, timeZone: 'Europe/Kirov' });
    const school = await create({ name: 'МОАУ «Лицей № 21» города Кирова', shortName: 'Лицей № 21', kind: 'school', municipalityId: municipality.id, inn: testInn(1) });
    const center = await create({
      name: 'Центр «Точка роста» на базе МОАУ «Лицей № 21»',
      kind: 'center',
      centerType: 'tochka_rosta',
      parentId: school.id,
      issuerId: ministry.id,
      address: 'г. Киров, ул. Ленина, 1',
    });
    expect(school).toMatchObject({ regionId: region.id, municipalityId: municipality.id, inn: testInn(1), active: true });
    // The center inherits its region from the school it sits in.
    expect(center).toMatchObject({ kind: 'center', centerType: 'tochka_rosta', regionId: region.id, parentId: school.id, issuerId: ministry.id });
    expect(await service.bus.request(R.listMunicipalities, { actor: admin, regionId: region.id })).toEqual([municipality]);
    // Callers that know whom they need ask for those only: a region's whole registry would not fit one bus reply.
    expect((await service.bus.request(R.list, { ids: [center.id, ministry.id] })).map((o) => o.id)).toEqual([ministry.id, center.id]);
    expect(await service.bus.request(R.list, { ids: [] })).toEqual([]);
  });

  it('refuses a wrong ИНН checksum, a duplicate ИНН, a center without type and an issuer that is no ministry, in Russian', async () => {
    expect(isValidInn('4300000019')).toBe(false);
    await expect(service.bus.request(R.create, { actor: admin, name: 'Школа', kind: 'school', inn: '4300000019' })).rejects.toThrow(ZodError);
    const first = await create({ name: 'МБОУ СОШ № 3', kind: 'school', inn: testInn(3) });
    const duplicate = await failureOf(create({ name: 'МБОУ Средняя школа № 3', kind: 'school', inn: testInn(3) }));
    expect(duplicate).toMatchObject({ code: 'CONFLICT', details: { existingId: first.id } });
    expect(duplicate.message).toContain(`ИНН ${testInn(3)} уже указан у организации «МБОУ СОШ № 3»`);
    expect(await failureOf(create({ name: 'Центр', kind: 'center' }))).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Для центра укажите тип') });
    expect(await failureOf(create({ name: 'Школа', kind: 'school', centerType: 'it_cube' }))).toMatchObject({ code: 'VALIDATION' });
    expect(await failureOf(create({ name: 'Центр', kind: 'center', centerType: 'it_cube', issuerId: first.id }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('не орган управления образованием'),
    });
    // Nothing half-written: the refused duplicate left one organization with that ИНН.
    expect((await service.db.query(`SELECT count(*)::int AS n FROM organizations.organizations WHERE inn = $1`, [testInn(3)])).rows[0].n).toBe(1);
  });

  it('edits, deactivates and reactivates without deleting; a deactivated organization leaves the default search', async () => {
    const cube = await create({ name: 'Центр цифрового образования детей «IT-куб» г. Слободского', kind: 'center', centerType: 'it_cube' });
    const edited = await service.bus.request(R.update, { actor: admin, id: cube.id, changes: { shortName: 'IT-куб Слободской', inn: testInn(7) } });
    expect(edited).toMatchObject({ shortName: 'IT-куб Слободской', inn: testInn(7), name: cube.name });
    const found = (query: string, status?: 'all') => service.bus.request(R.search, { actor: admin, query, status });
    expect((await found('IT-куб Слобод')).items.map((o) => o.id)).toEqual([cube.id]);
    await service.bus.request(R.update, { actor: admin, id: cube.id, changes: { active: false } });
    expect((await found('IT-куб Слобод')).total).toBe(0);
    expect((await found('IT-куб Слобод', 'all')).items).toEqual([expect.objectContaining({ id: cube.id, active: false })]);
    expect(await service.bus.request(R.get, { id: cube.id })).toMatchObject({ active: false });
    await service.bus.request(R.update, { actor: admin, id: cube.id, changes: { active: true, shortName: null } });
    expect(await service.bus.request(R.get, { id: cube.id })).toMatchObject({ active: true, shortName: null });
  });

  it('refuses to make an organization its own ancestor', async () => {
    const upper = await create({ name: 'КОГОАУ ДПО «ИРО Кировской области»', kind: 'institute' });
    const lower = await create({ name: 'Структурное подразделение ИРО', kind: 'institution', parentId: upper.id });
    expect(await failureOf(service.bus.request(R.update, { actor: admin, id: upper.id, changes: { parentId: lower.id } }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('не может быть подчинена'),
    });
  });

  it('finds by part of a name or a close spelling, filters by kind, type and municipality, a page at a time', async () => {
    const region = await service.bus.request(R.createRegion, { actor: admin, name: 'Тверская область', code: '69' });
    const [rzhev, torzhok] = await Promise.all(['Ржевский муниципальный округ', 'город Торжок'].map((name) => service.bus.request(R.createMunicipality, { actor: admin, regionId: region.id, name })));
    const made: OrganizationDto[] = [];
    for (let i = 1; i <= 12; i++) {
      made.push(
        await create({
          name: `Детский технопарк «Кванториум» № ${i} ${i % 2 ? 'Ржев' : 'Торжок'}`,
          kind: 'center',
          centerType: i <= 4 ? 'kvantorium_mobile' : 'kvantorium',
          municipalityId: i % 2 ? rzhev.id : torzhok.id,
        }),
      );
    }
    const search = (request: Omit<RequestOf<typeof R.search>, 'actor'>) => service.bus.request(R.search, { ...request, actor: admin });
    const inRzhev = await search({ municipalityId: rzhev.id, limit: 4 });
    expect(inRzhev.total).toBe(6);
    expect(inRzhev.items).toHaveLength(4);
    const secondPage = await search({ municipalityId: rzhev.id, limit: 4, offset: 4 });
    expect([...inRzhev.items, ...secondPage.items].map((o) => o.id).sort()).toEqual(made.filter((_, i) => i % 2 === 0).map((o) => o.id).sort());
    expect((await search({ regionId: region.id, centerType: 'kvantorium_mobile' })).total).toBe(4);
    expect((await search({ regionId: region.id, kind: 'school' })).total).toBe(0);
    // Any case, and a slip of a letter: trigram similarity still finds «Кванториум».
    expect((await search({ query: 'КВАНТОРИУМ № 7', regionId: region.id })).items[0].id).toBe(made[6].id);
    expect((await search({ query: 'кванториям', regionId: region.id })).total).toBe(12);
    expect((await search({ query: '%', regionId: region.id })).total).toBe(0);
  });

  it('refuses a change from anyone but an administrator, checked by the service itself on the bus', async () => {
    for (const roles of [['editor'], ['reporter'], ['analyst', 'approver', 'signatory']] as Role[][]) {
      const refused = await failureOf(service.bus.request(R.create, { actor: testActor(roles), name: 'Министерство без прав', kind: 'ministry' }));
      expect({ roles, refused }).toEqual({ roles, refused: expect.objectContaining({ code: 'FORBIDDEN', message: 'Недостаточно прав: нужна роль «администратор»' }) });
    }
    expect(await failureOf(service.bus.request(R.createRegion, { actor: testActor(['editor']), name: 'Псковская область' }))).toMatchObject({ code: 'FORBIDDEN' });
    const some = await create({ name: 'МБОУ СОШ № 12', kind: 'school' });
    expect(await failureOf(service.bus.request(R.update, { actor: testActor(['reporter'], some.id), id: some.id, changes: { name: 'Своя школа' } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await service.db.query(`SELECT count(*)::int AS n FROM organizations.organizations WHERE name IN ('Министерство без прав', 'Своя школа')`)).rows[0].n).toBe(0);
    // Reading the registry is open to everyone signed in: a reporter finds the school.
    expect((await service.bus.request(R.search, { actor: testActor(['reporter'], some.id), query: 'СОШ № 12' })).items.map((o) => o.id)).toEqual([some.id]);
  });

  it('records each change with who made it and the organization before and after, for the administrator only to read', async () => {
    const clerk = testActor(['admin']);
    const school = await service.bus.request(R.create, { actor: clerk, name: 'МБОУ СОШ № 9 г. Кирова', kind: 'school' });
    await service.bus.request(R.update, { actor: clerk, id: school.id, changes: { active: false } });
    const { rows } = await service.db.query(
      `SELECT action, actor_account_id AS "accountId", actor_login AS login, before, after FROM organizations.audit_log WHERE object_id = $1 ORDER BY seq`,
      [school.id],
    );
    const who = { accountId: clerk.accountId, login: clerk.login };
    expect(rows).toEqual([
      { action: 'organization.create', ...who, before: null, after: expect.objectContaining({ name: 'МБОУ СОШ № 9 г. Кирова', active: true }) },
      { action: 'organization.deactivate', ...who, before: expect.objectContaining({ active: true }), after: expect.objectContaining({ active: false }) },
    ]);
    const page = await service.bus.request(AuditRoutes.organizations, { actor: admin, objectType: 'organization', objectId: school.id, person: clerk.login });
    expect(page).toMatchObject({ total: 2, items: [{ action: 'organization.deactivate' }, { action: 'organization.create' }] });
    expect(await failureOf(service.bus.request(AuditRoutes.organizations, { actor: testActor(['analyst']) }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Недостаточно прав: нужна роль «администратор»',
    });
  });
});

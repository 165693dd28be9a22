import { isValidInn, OrganizationRoutes, type OrganizationDto } from '@eduplan/contracts';
import { ZodError } from 'zod';
import { failureOf, startOrganizationsService, testInn, type OrganizationsServiceUnderTest } from './organizations-service.testing';

jest.setTimeout(60_000);

describe('organization registry over NATS against PostgreSQL', () => {
  let service: OrganizationsServiceUnderTest;
  const R = OrganizationRoutes;
  const create = (request: Parameters<typeof service.bus.request<typeof R.create>>[1]) => service.bus.request(R.create, request);

  beforeAll(async () => {
    service = await startOrganizationsService('org_registry');
  });
  afterAll(() => service?.stop());

  it('places a center under region → municipality → school, with the issuer it answers to', async () => {
    const region = await service.bus.request(R.createRegion, { name: 'Кировская область', code: '43' });
    const municipality = await service.bus.request(R.createMunicipality, { regionId: region.id, name: 'город Киров' });
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
    expect(await service.bus.request(R.listMunicipalities, { regionId: region.id })).toEqual([municipality]);
    // Callers that know whom they need ask for those only: a region's whole registry would not fit one bus reply.
    expect((await service.bus.request(R.list, { ids: [center.id, ministry.id] })).map((o) => o.id)).toEqual([ministry.id, center.id]);
    expect(await service.bus.request(R.list, { ids: [] })).toEqual([]);
  });

  it('refuses a wrong ИНН checksum, a duplicate ИНН, a center without type and an issuer that is no ministry, in Russian', async () => {
    expect(isValidInn('4300000019')).toBe(false);
    await expect(service.bus.request(R.create, { name: 'Школа', kind: 'school', inn: '4300000019' })).rejects.toThrow(ZodError);
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
    const edited = await service.bus.request(R.update, { id: cube.id, changes: { shortName: 'IT-куб Слободской', inn: testInn(7) } });
    expect(edited).toMatchObject({ shortName: 'IT-куб Слободской', inn: testInn(7), name: cube.name });
    const found = (query: string, status?: 'all') => service.bus.request(R.search, { query, status });
    expect((await found('IT-куб Слобод')).items.map((o) => o.id)).toEqual([cube.id]);
    await service.bus.request(R.update, { id: cube.id, changes: { active: false } });
    expect((await found('IT-куб Слобод')).total).toBe(0);
    expect((await found('IT-куб Слобод', 'all')).items).toEqual([expect.objectContaining({ id: cube.id, active: false })]);
    expect(await service.bus.request(R.get, { id: cube.id })).toMatchObject({ active: false });
    await service.bus.request(R.update, { id: cube.id, changes: { active: true, shortName: null } });
    expect(await service.bus.request(R.get, { id: cube.id })).toMatchObject({ active: true, shortName: null });
  });

  it('refuses to make an organization its own ancestor', async () => {
    const upper = await create({ name: 'КОГОАУ ДПО «ИРО Кировской области»', kind: 'institute' });
    const lower = await create({ name: 'Структурное подразделение ИРО', kind: 'institution', parentId: upper.id });
    expect(await failureOf(service.bus.request(R.update, { id: upper.id, changes: { parentId: lower.id } }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('не может быть подчинена'),
    });
  });

  it('finds by part of a name or a close spelling, filters by kind, type and municipality, a page at a time', async () => {
    const region = await service.bus.request(R.createRegion, { name: 'Тверская область', code: '69' });
    const [rzhev, torzhok] = await Promise.all(['Ржевский муниципальный округ', 'город Торжок'].map((name) => service.bus.request(R.createMunicipality, { regionId: region.id, name })));
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
    const search = (request: Parameters<typeof service.bus.request<typeof R.search>>[1]) => service.bus.request(R.search, request);
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
});

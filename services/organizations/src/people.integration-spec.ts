import { OrganizationRoutes, PeopleRoutes, type PersonDto } from '@eduplan/contracts';
import { testActor } from '@eduplan/infra/testing';
import { ZodError } from 'zod';
import { failureOf, startOrganizationsService, type OrganizationsServiceUnderTest } from './organizations-service.testing';

jest.setTimeout(60_000);

describe('people, positions and substitutions over NATS against PostgreSQL', () => {
  let service: OrganizationsServiceUnderTest;
  let ministryId: string;
  let minister: PersonDto;
  let deputy: PersonDto;
  let lawyer: PersonDto;
  const P = PeopleRoutes;
  const admin = testActor(['admin']);

  beforeAll(async () => {
    service = await startOrganizationsService('org_people');
    ministryId = (await service.bus.request(OrganizationRoutes.create, { actor: admin, name: 'Министерство образования Тверской области', kind: 'ministry' })).id;
    const hire = (fullName: string, position: PersonDto['position'], positionTitle?: string) =>
      service.bus.request(P.create, { actor: admin, organizationId: ministryId, fullName, position, positionTitle });
    minister = await hire('Колесников Иван Сергеевич', 'minister', 'Министр образования Тверской области');
    deputy = await hire('Смирнова Анна Петровна', 'deputy_minister');
    lawyer = await hire('Орлов Пётр Ильич', 'lawyer', 'Начальник правового отдела');
    await hire('Волкова Мария Андреевна', 'head_of_department', 'Начальник отдела общего образования');
  });
  afterAll(() => service?.stop());

  it('lists the staff of an organization and finds who holds a position; a person who left drops out', async () => {
    const staff = await service.bus.request(P.list, { actor: admin, organizationId: ministryId });
    expect(staff.map((p) => [p.position, p.fullName])).toEqual([
      ['deputy_minister', 'Смирнова Анна Петровна'],
      ['head_of_department', 'Волкова Мария Андреевна'],
      ['lawyer', 'Орлов Пётр Ильич'],
      ['minister', 'Колесников Иван Сергеевич'],
    ]);
    expect(await service.bus.request(P.list, { actor: admin, organizationId: ministryId, position: 'minister' })).toEqual([
      expect.objectContaining({ id: minister.id, positionTitle: 'Министр образования Тверской области', active: true }),
    ]);
    const leaving = await service.bus.request(P.create, { actor: admin, organizationId: ministryId, fullName: 'Уходящий Сотрудник', position: 'specialist' });
    await service.bus.request(P.update, { actor: admin, id: leaving.id, changes: { active: false } });
    expect((await service.bus.request(P.list, { actor: admin, organizationId: ministryId, position: 'specialist' })).length).toBe(0);
    expect((await service.bus.request(P.list, { actor: admin, organizationId: ministryId, position: 'specialist', status: 'all' })).length).toBe(1);
  });

  it('lets a substitute act for an absent person only on the days of the absence, recording whom they replace', async () => {
    const vacation = await service.bus.request(P.createSubstitution, {
      actor: admin,
      personId: minister.id,
      substituteId: deputy.id,
      from: '2025-07-01',
      to: '2025-07-14',
      reason: 'отпуск',
    });
    expect(vacation).toMatchObject({ personId: minister.id, substituteId: deputy.id, from: '2025-07-01', to: '2025-07-14', cancelled: false });

    const acting = (date: string) => service.bus.request(P.actingFor, { personId: minister.id, date });
    expect(await acting('2025-06-30')).toEqual({ personId: minister.id, actingPersonId: minister.id, substitution: null });
    expect(await acting('2025-07-01')).toMatchObject({ actingPersonId: deputy.id, substitution: { id: vacation.id } });
    expect(await acting('2025-07-14')).toMatchObject({ actingPersonId: deputy.id });
    expect(await acting('2025-07-15')).toMatchObject({ actingPersonId: minister.id, substitution: null });

    const may = (actorPersonId: string, date: string) => service.bus.request(P.mayActFor, { actorPersonId, personId: minister.id, date });
    expect(await may(deputy.id, '2025-07-10')).toEqual({ allowed: true, as: 'substitute', substitution: vacation });
    expect(await may(deputy.id, '2025-07-15')).toEqual({ allowed: false, as: null, substitution: null });
    expect(await may(lawyer.id, '2025-07-10')).toEqual({ allowed: false, as: null, substitution: null });
    expect(await may(minister.id, '2025-07-10')).toEqual({ allowed: true, as: 'self', substitution: null });

    expect((await service.bus.request(P.representedBy, { personId: deputy.id, date: '2025-07-05' })).map((p) => p.id)).toEqual([minister.id]);
    expect(await service.bus.request(P.representedBy, { personId: deputy.id, date: '2025-08-05' })).toEqual([]);
    expect(await service.bus.request(P.listSubstitutions, { actor: admin, personId: deputy.id })).toEqual([vacation]);
  });

  it('refuses overlapping absences, a substitute who is absent too, and backwards dates; a cancelled one stops acting', async () => {
    const trip = await service.bus.request(P.createSubstitution, { actor: admin, personId: lawyer.id, substituteId: deputy.id, from: '2025-09-01', to: '2025-09-05' });
    const overlap = await failureOf(service.bus.request(P.createSubstitution, { actor: admin, personId: lawyer.id, substituteId: minister.id, from: '2025-09-05', to: '2025-09-09' }));
    expect(overlap).toMatchObject({ code: 'CONFLICT', details: { substitutionId: trip.id } });
    expect(overlap.message).toContain('У сотрудника Орлов Пётр Ильич уже есть замещающий на эти дни: Смирнова Анна Петровна, с 01.09.2025 по 05.09.2025');
    // The minister is away in July with the deputy acting; the deputy cannot then be away with the minister acting.
    const absentSubstitute = await failureOf(
      service.bus.request(P.createSubstitution, { actor: admin, personId: deputy.id, substituteId: minister.id, from: '2025-07-10', to: '2025-07-20' }),
    );
    expect(absentSubstitute).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Колесников Иван Сергеевич сам(а) отсутствует с 01.07.2025 по 14.07.2025') });
    await expect(service.bus.request(P.createSubstitution, { actor: admin, personId: lawyer.id, substituteId: deputy.id, from: '2025-10-05', to: '2025-10-01' })).rejects.toThrow(ZodError);
    await expect(service.bus.request(P.createSubstitution, { actor: admin, personId: lawyer.id, substituteId: lawyer.id, from: '2025-10-01', to: '2025-10-05' })).rejects.toThrow(ZodError);

    await service.bus.request(P.cancelSubstitution, { actor: admin, id: trip.id });
    expect(await service.bus.request(P.actingFor, { personId: lawyer.id, date: '2025-09-03' })).toMatchObject({ actingPersonId: lawyer.id });
    // Once cancelled, the days are free for another substitute.
    await service.bus.request(P.createSubstitution, { actor: admin, personId: lawyer.id, substituteId: minister.id, from: '2025-09-05', to: '2025-09-09' });
    expect(await service.bus.request(P.actingFor, { personId: lawyer.id, date: '2025-09-06' })).toMatchObject({ actingPersonId: minister.id });
  });

  it('adds no one to a deactivated organization', async () => {
    const closed = await service.bus.request(OrganizationRoutes.create, { actor: admin, name: 'Закрытый центр', kind: 'center', centerType: 'cdod' });
    await service.bus.request(OrganizationRoutes.update, { actor: admin, id: closed.id, changes: { active: false } });
    expect(await failureOf(service.bus.request(P.create, { actor: admin, organizationId: closed.id, fullName: 'Новый Директор', position: 'center_head' }))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('деактивирована'),
    });
  });
});

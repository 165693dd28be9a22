import type { DocumentDto, OrderDto, OrganizationDto, PersonDto, PlanDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { readFixture } from '@eduplan/domain/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2eSystem } from '../support/e2e-system';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

type ErrorBody = { code: string; message: string; details?: unknown };

/**
 * Tver's order 1083/ПК over HTTP: its own heading, basis and points (the second, «Настоящий приказ вступает
 * в силу…», is not one of the built-in defaults), edited while a draft, printed as written, frozen once on approval.
 */
describe('order requisites over HTTP: the order carries its own text, editable while a draft', () => {
  let system: E2eSystem;
  let dir: string;
  let plan: PlanDto;
  let tver: ImportedPlanFile['document'];
  let order: OrderDto;
  let ministry: OrganizationDto;
  /** The ministry's editor, who drafts the order. */
  let editor: HttpSession;
  /** The minister, chosen as the signatory from the ministry's staff. */
  let minister: PersonDto;
  let lawyer: PersonDto;
  let signatory: OrderDto['signatory'];
  const person = async (organizationId: string, fullName: string, position: string, positionTitle: string) =>
    (await system.http<PersonDto>('POST', '/api/people', { organizationId, fullName, position, positionTitle })).body;
  const withoutNumber = (point: string) => point.replace(/^\s*\d+[.)]\s*/, '');

  const pdfText = async (document: DocumentDto) => {
    const response = await editor.fetch(`/api/documents/${document.id}/content`);
    expect(response.status).toBe(200);
    const file = join(dir, `${document.id}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-requisites-e2e-'));
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    ministry = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry' })).body;
    editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    minister = await person(ministry.id, 'Калинина Ольга Евгеньевна', 'minister', 'Министр образования Тверской области');
    lawyer = await person(ministry.id, 'Иванов Иван Иванович', 'head_of_department', 'Начальник правового управления');
    signatory = { personId: minister.id, name: 'О.Е. Калинина', position: 'Министр образования Тверской области' };
    // Her certificate, so the draft may go on its route (a signatory without one is refused when it is sent).
    await system.registerSigner(minister.id);
    const preview = await editor.fetch('/api/plans/import/preview', {
      method: 'POST',
      body: readFixture('tver'),
      headers: { 'content-type': 'text/plain' },
    });
    const imported = (await preview.json()) as ImportedPlanFile;
    tver = imported.document;
    // The preview goes back as it came, every field of it known to the import.
    const created = await editor.http<PlanDto>('POST', '/api/plans/import', { issuerId: ministry.id, imported });
    expect(created.status).toBe(201);
    plan = created.body;
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an order carrying fields it does not take, naming them, and creates nothing', async () => {
    const refused = await editor.http<ErrorBody>('POST', '/api/orders', {
      planId: plan.id,
      kind: 'prikaz',
      title: tver.title,
      signatoryId: minister.id,
      templateId: 'tver-prikaz',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', message: 'Неверные данные — неизвестное поле «templateId»: уберите его из запроса' });
    expect(refused.body.details).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['templateId'] })]);

    const registration = await editor.http<ErrorBody>('POST', '/api/orders', {
      planId: plan.id,
      kind: 'prikaz',
      title: tver.title,
      signatoryId: minister.id,
      date: tver.date,
      number: tver.number,
    });
    expect(registration.status).toBe(400);
    expect(registration.body.message).toContain('неизвестные поля «date», «number»');
    expect((await editor.http<{ total: number }>('GET', `/api/orders?planId=${plan.id}`)).body.total).toBe(0);

    const query = await editor.http<ErrorBody>('GET', `/api/orders?planId=${plan.id}&templateId=1`);
    expect(query.status).toBe(400);
    expect(query.body.message).toContain('«templateId»');
  });

  it('refuses a text field beside the file of an upload form, naming it', async () => {
    for (const path of ['/api/plans/import/preview', '/api/documents/verification']) {
      const form = new FormData();
      form.append('file', new Blob([readFixture('tver')]), 'plan.txt');
      form.append('templateId', 'tver-prikaz');
      const response = await editor.fetch(path, { method: 'POST', body: form });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).message).toBe('Неверные данные — неизвестное поле «templateId»: уберите его из запроса');
    }
  });

  it('creates a draft with the usual two points when none are given', async () => {
    const created = await editor.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Проект', signatoryId: minister.id });
    expect(created.status).toBe(201);
    order = created.body;
    expect(order.signatory).toEqual(signatory);
    expect(order.points).toEqual([
      'Утвердить комплексный план мероприятий по организационно-методической поддержке инфраструктуры национального проекта «Образование» на 2024-2025 учебный год (прилагается).',
      'Контроль за исполнением настоящего приказа оставляю за собой.',
    ]);
  });

  it('edits the draft’s heading, basis, place and points, and prints them in order', async () => {
    const points = tver.points!.map(withoutNumber);
    expect(points[1]).toBe('Настоящий приказ вступает в силу со дня его подписания.');
    const edited = await editor.http<OrderDto>('PATCH', `/api/orders/${order.id}`, { title: tver.title, basis: tver.basis, place: 'г. Тверь', points });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: order.id, status: 'draft', title: tver.title, basis: tver.basis, place: 'г. Тверь', points, signatory });
    expect((await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body).toEqual(edited.body);

    const refused = await editor.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { number: '1083/ПК' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('неизвестное поле «number»');
    expect((await editor.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { points: [] })).status).toBe(400);

    const draft = await editor.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    expect(draft.status).toBe(201);
    const text = await pdfText(draft.body);
    const first = text.indexOf(`1. ${points[0].slice(0, 40)}`);
    const second = text.indexOf('2. Настоящий приказ вступает в силу со дня его подписания.');
    expect(first).toBeGreaterThan(text.indexOf('приказываю'));
    expect(second).toBeGreaterThan(first);
    expect(text).not.toContain('оставляю за собой');
  });

  it('refuses to edit an order once it is on approval, and leaves it as it was', async () => {
    const before = (await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    // The region holds only the ministry: every other responsible string is marked «не отчитывается» first.
    const { unresolved } = (await editor.http<{ unresolved: { raw: string }[] }>('GET', `/api/plans/${plan.id}/responsible`)).body;
    for (const { raw } of unresolved) {
      expect((await editor.http('POST', `/api/plans/${plan.id}/responsible/confirm`, { text: raw, notReporting: true })).status).toBe(201);
    }
    // Approvers are chosen from the registry by id.
    const submitted = await editor.http('POST', `/api/orders/${order.id}/submit`, { route: [{ name: 'Правовое управление', approverIds: [lawyer.id] }] });
    expect(submitted.status).toBe(202);
    await system.until('order on approval', async () => {
      const current = await editor.http<OrderDto>('GET', `/api/orders/${order.id}`);
      return current.body.status === 'on_approval' ? true : undefined;
    });
    const refused = await editor.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { points: ['Утвердить план.'] });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      code: 'CONFLICT',
      message: 'Приказ уже не проект: статус «on_approval». Изменить текст можно только в проекте или после возврата на доработку',
      service: 'plans',
    });
    expect((await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body).toEqual({ ...before, status: 'on_approval' });
  });

  it('lets the author revise the text of a returned order, but not swap the signatory the route was given', async () => {
    const approver = await system.signIn({ roles: ['approver'], organizationId: ministry.id, personId: lawyer.id });
    const returned = await approver.http('POST', `/api/orders/${order.id}/decisions`, { decision: 'return', comment: 'Уточните пункт 2', version: 1 });
    expect(returned.status).toBe(201);
    await system.until('order returned', async () => {
      const current = await editor.http<OrderDto>('GET', `/api/orders/${order.id}`);
      return current.body.status === 'returned' ? true : undefined;
    });
    const points = [order.points[0], 'Настоящий приказ вступает в силу со дня его подписания и подлежит размещению на официальном сайте.'];
    const revised = await editor.http<OrderDto>('PATCH', `/api/orders/${order.id}`, { points });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'returned', points });

    const deputy = await person(ministry.id, 'Петров Пётр Петрович', 'deputy_minister', 'Заместитель министра');
    const swapped = await editor.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { signatoryId: deputy.id });
    expect(swapped.status).toBe(409);
    expect(swapped.body.message).toMatch(/^Подписанта можно сменить только до направления приказа на согласование/);
    expect((await editor.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.signatory).toEqual(signatory);
  });

  it('takes the signatory from the issuer’s staff by id, refusing a typed one, a stranger and an unknown person by name', async () => {
    const typed = await editor.http<ErrorBody>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Проект', signatory });
    expect(typed.status).toBe(400);
    expect(typed.body.message).toContain('неизвестное поле «signatory»');
    const center = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Центр «Точка роста» СОШ № 5', kind: 'center', centerType: 'tochka_rosta', parentId: ministry.id, issuerId: ministry.id })).body;
    const director = await person(center.id, 'Сидорова Анна Петровна', 'director', 'Директор школы');
    const stranger = await editor.http<ErrorBody>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Проект', signatoryId: director.id });
    expect(stranger).toEqual({ status: 400, body: { code: 'VALIDATION', message: 'signatoryId: Сидорова Анна Петровна не сотрудник организации, издающей приказ — выберите сотрудника из её списка' } });
    const unknown = '00000000-0000-4000-8000-000000000001';
    const missing = await editor.http<ErrorBody>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Проект', signatoryId: unknown });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe(`signatoryId: сотрудник ${unknown} не найден в реестре — выберите сотрудника из списка организации`);

    const draft = (await editor.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'rasporyazhenie', title: 'Второй проект', signatoryId: lawyer.id })).body;
    expect(draft.signatory).toEqual({ personId: lawyer.id, name: 'И.И. Иванов', position: 'Начальник правового управления' });
    const changed = await editor.http<OrderDto>('PATCH', `/api/orders/${draft.id}`, { signatoryId: minister.id });
    expect(changed.body.signatory).toEqual(signatory);
    expect((await editor.http<ErrorBody>('PATCH', `/api/orders/${draft.id}`, { signatoryId: director.id })).status).toBe(400);
    expect((await editor.http<OrderDto>('GET', `/api/orders/${draft.id}`)).body.signatory).toEqual(signatory);
  });
});

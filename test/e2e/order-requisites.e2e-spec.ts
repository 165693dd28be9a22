import type { DocumentDto, OrderDto, OrganizationDto, PlanDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { readFixture } from '@eduplan/domain/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2eSystem } from '../support/e2e-system';

jest.setTimeout(180_000);

type ErrorBody = { code: string; message: string };

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
  const signatory = { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр образования Тверской области' };
  const withoutNumber = (point: string) => point.replace(/^\s*\d+[.)]\s*/, '');

  const pdfText = async (document: DocumentDto) => {
    const response = await fetch(`${system.baseUrl}/api/documents/${document.id}/content`);
    expect(response.status).toBe(200);
    const file = join(dir, `${document.id}.pdf`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-requisites-e2e-'));
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    const ministry = (
      await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Тверской области', kind: 'ministry' })
    ).body;
    const preview = await fetch(`${system.baseUrl}/api/plans/import/preview`, {
      method: 'POST',
      body: readFixture('tver'),
      headers: { 'content-type': 'text/plain' },
    });
    const imported = (await preview.json()) as ImportedPlanFile;
    tver = imported.document;
    // The preview goes back as it came, every field of it known to the import.
    const created = await system.http<PlanDto>('POST', '/api/plans/import', { issuerId: ministry.id, imported });
    expect(created.status).toBe(201);
    plan = created.body;
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an order carrying fields it does not take, naming them, and creates nothing', async () => {
    const refused = await system.http<ErrorBody>('POST', '/api/orders', {
      planId: plan.id,
      kind: 'prikaz',
      title: tver.title,
      signatory,
      templateId: 'tver-prikaz',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ code: 'VALIDATION', message: 'Неверные данные — неизвестное поле «templateId»: уберите его из запроса' });

    const registration = await system.http<ErrorBody>('POST', '/api/orders', {
      planId: plan.id,
      kind: 'prikaz',
      title: tver.title,
      signatory,
      date: tver.date,
      number: tver.number,
    });
    expect(registration.status).toBe(400);
    expect(registration.body.message).toContain('неизвестные поля «date», «number»');
    expect((await system.http<{ total: number }>('GET', `/api/orders?planId=${plan.id}`)).body.total).toBe(0);

    const query = await system.http<ErrorBody>('GET', `/api/orders?planId=${plan.id}&templateId=1`);
    expect(query.status).toBe(400);
    expect(query.body.message).toContain('«templateId»');
  });

  it('refuses a text field beside the file of an upload form, naming it', async () => {
    for (const path of ['/api/plans/import/preview', '/api/documents/verification']) {
      const form = new FormData();
      form.append('file', new Blob([readFixture('tver')]), 'plan.txt');
      form.append('templateId', 'tver-prikaz');
      const response = await fetch(`${system.baseUrl}${path}`, { method: 'POST', body: form });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).message).toBe('Неверные данные — неизвестное поле «templateId»: уберите его из запроса');
    }
  });

  it('creates a draft with the usual two points when none are given', async () => {
    const created = await system.http<OrderDto>('POST', '/api/orders', { planId: plan.id, kind: 'prikaz', title: 'Проект', signatory });
    expect(created.status).toBe(201);
    order = created.body;
    expect(order.points).toEqual([
      'Утвердить комплексный план мероприятий по организационно-методической поддержке инфраструктуры национального проекта «Образование» на 2024-2025 учебный год (прилагается).',
      'Контроль за исполнением настоящего приказа оставляю за собой.',
    ]);
  });

  it('edits the draft’s heading, basis, place and points, and prints them in order', async () => {
    const points = tver.points!.map(withoutNumber);
    expect(points[1]).toBe('Настоящий приказ вступает в силу со дня его подписания.');
    const edited = await system.http<OrderDto>('PATCH', `/api/orders/${order.id}`, { title: tver.title, basis: tver.basis, place: 'г. Тверь', points });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: order.id, status: 'draft', title: tver.title, basis: tver.basis, place: 'г. Тверь', points, signatory });
    expect((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body).toEqual(edited.body);

    const refused = await system.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { number: '1083/ПК' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('неизвестное поле «number»');
    expect((await system.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { points: [] })).status).toBe(400);

    const draft = await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    expect(draft.status).toBe(201);
    const text = await pdfText(draft.body);
    const first = text.indexOf(`1. ${points[0].slice(0, 40)}`);
    const second = text.indexOf('2. Настоящий приказ вступает в силу со дня его подписания.');
    expect(first).toBeGreaterThan(text.indexOf('приказываю'));
    expect(second).toBeGreaterThan(first);
    expect(text).not.toContain('оставляю за собой');
  });

  it('refuses to edit an order once it is on approval, and leaves it as it was', async () => {
    const before = (await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    // The region holds only the ministry: every other responsible string is marked «не отчитывается» first.
    const { unresolved } = (await system.http<{ unresolved: { raw: string }[] }>('GET', `/api/plans/${plan.id}/responsible`)).body;
    for (const { raw } of unresolved) {
      expect((await system.http('POST', `/api/plans/${plan.id}/responsible/confirm`, { text: raw, notReporting: true })).status).toBe(201);
    }
    const submitted = await system.http('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое управление', approvers: [{ userId: 'ivanov', name: 'И.И. Иванов', position: 'Начальник правового управления' }] }],
    });
    expect(submitted.status).toBe(202);
    await system.until('order on approval', async () => {
      const current = await system.http<OrderDto>('GET', `/api/orders/${order.id}`);
      return current.body.status === 'on_approval' ? true : undefined;
    });
    const refused = await system.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { points: ['Утвердить план.'] });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      code: 'CONFLICT',
      message: 'Приказ уже не проект: статус «on_approval». Изменить текст можно только в проекте или после возврата на доработку',
      service: 'plans',
    });
    expect((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body).toEqual({ ...before, status: 'on_approval' });
  });

  it('lets the author revise the text of a returned order, but not swap the signatory the route was given', async () => {
    const returned = await system.http('POST', `/api/orders/${order.id}/decisions`, { userId: 'ivanov', decision: 'return', comment: 'Уточните пункт 2', version: 1 });
    expect(returned.status).toBe(201);
    await system.until('order returned', async () => {
      const current = await system.http<OrderDto>('GET', `/api/orders/${order.id}`);
      return current.body.status === 'returned' ? true : undefined;
    });
    const points = [order.points[0], 'Настоящий приказ вступает в силу со дня его подписания и подлежит размещению на официальном сайте.'];
    const revised = await system.http<OrderDto>('PATCH', `/api/orders/${order.id}`, { points });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ status: 'returned', points });

    const swapped = await system.http<ErrorBody>('PATCH', `/api/orders/${order.id}`, { signatory: { ...signatory, userId: 'petrov' } });
    expect(swapped.status).toBe(409);
    expect(swapped.body.message).toMatch(/^Подписанта можно сменить только до направления приказа на согласование/);
    expect((await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body.signatory).toEqual(signatory);
  });
});

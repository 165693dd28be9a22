import { PlanRoutes, type OrderDto } from '@eduplan/contracts';
import { startBusServiceUnderTest, testActor, type BusServiceUnderTest } from '@eduplan/infra/testing';
import type { BusClient } from '@eduplan/platform';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { database } from './database';

jest.setTimeout(60_000);

describe('registration journal of the plans service over NATS against PostgreSQL', () => {
  let under: BusServiceUnderTest;
  let bus: BusClient;
  let db: Client;

  /** Signed orders of one fresh issuer (the plan's issuer), ready to be registered. */
  const signedOrders = async (count: number, kind: OrderDto['kind'] = 'prikaz', issuerId: string = randomUUID()): Promise<OrderDto[]> => {
    const actor = testActor(['editor'], issuerId);
    const plan = await bus.request(PlanRoutes.createPlan, {
      actor,
      title: 'Комплексный план',
      issuerId,
      period: { start: '2026-09-01', end: '2027-08-31' },
      sections: [{ number: '1', title: 'Направление 7. Профориентация', events: [] }],
    });
    return Promise.all(
      Array.from({ length: count }, async () => {
        const order = await bus.request(PlanRoutes.createOrder, {
          actor,
          planId: plan.id,
          kind,
          title: 'Об утверждении плана',
          signatory: { personId: randomUUID(), name: 'О.Е. Калинина', position: 'Министр' },
        });
        return bus.request(PlanRoutes.setOrderStatus, { id: order.id, status: 'signed' });
      }),
    );
  };
  const register = (order: OrderDto, registeredOn: string) => bus.request(PlanRoutes.registerOrder, { id: order.id, registeredOn });

  beforeAll(async () => {
    under = await startBusServiceUnderTest({ name: 'journal', service: 'plans', database, appModule: () => import('./app.module'), timeoutMs: 10_000 });
    ({ bus, db } = under);
  });

  afterAll(async () => {
    await under?.stop();
  });

  it('continues the numbers to the end of the year and starts again at 1 with the first order of the next one', async () => {
    const [first, second, newYear, secondOfNewYear] = await signedOrders(4);
    expect((await register(first, '2026-12-30')).registrationNumber).toBe('1');
    expect((await register(second, '2026-12-31')).registrationNumber).toBe('2');
    expect(await register(newYear, '2027-01-15')).toMatchObject({ registrationNumber: '1', registeredOn: '2027-01-15' });
    expect((await register(secondOfNewYear, '2027-01-20')).registrationNumber).toBe('2');
    const [instruction] = await signedOrders(1, 'rasporyazhenie', first.issuerId);
    expect((await register(instruction, '2027-01-20')).registrationNumber).toBe('1');
    // The workflow's step, recorded with no person as its actor; a repeated registration records nothing.
    await register(first, '2027-02-01');
    const { rows } = await db.query(`SELECT actor_login, after FROM plans.audit_log WHERE action = 'order.register' AND object_id = $1`, [first.id]);
    expect(rows).toEqual([{ actor_login: null, after: { registrationNumber: '1', registeredOn: '2026-12-30' } }]);
  });

  it('gives 20 orders registered at once the numbers 1 to 20 without gaps, and a repeated registration its own number', async () => {
    const orders = await signedOrders(20);
    const registered = await Promise.all(orders.map((order) => register(order, '2027-03-02')));
    expect(registered.map((order) => Number(order.registrationNumber)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const again = await Promise.all(orders.slice(0, 5).map((order) => register(order, '2027-03-03')));
    expect(again.map((order) => [order.registrationNumber, order.registeredOn])).toEqual(
      registered.slice(0, 5).map((order) => [order.registrationNumber, '2027-03-02']),
    );
    const [next] = await signedOrders(1, 'prikaz', orders[0].issuerId);
    expect((await register(next, '2027-03-03')).registrationNumber).toBe('21');
  });

  it('reads the journal back to the issuer\'s staff by year, kind and number, numbers compared as numbers', async () => {
    const orders = await signedOrders(11);
    const { issuerId } = orders[0];
    for (const order of orders) await register(order, '2027-04-01');
    const [lastYear] = await signedOrders(1, 'prikaz', issuerId);
    await register(lastYear, '2026-11-11');
    const [instruction] = await signedOrders(1, 'rasporyazhenie', issuerId);
    await register(instruction, '2027-04-02');
    await signedOrders(1, 'prikaz', issuerId);
    const registrar = testActor(['registrar'], issuerId);
    const journal = (query: { kind?: OrderDto['kind']; year?: number; limit?: number; offset?: number } = {}) =>
      bus.request(PlanRoutes.journal, { actor: registrar, issuerId, ...query });

    const whole = await journal();
    expect(whole.total).toBe(13);
    expect(whole.items.map((o) => [o.registeredOn!.slice(0, 4), o.kind, o.registrationNumber])).toEqual([
      ['2026', 'prikaz', '1'],
      ...Array.from({ length: 11 }, (_, i) => ['2027', 'prikaz', String(i + 1)]),
      ['2027', 'rasporyazhenie', '1'],
    ]);
    const page = await journal({ kind: 'prikaz', year: 2027, limit: 3, offset: 9 });
    expect([page.total, page.items.map((o) => o.registrationNumber)]).toEqual([11, ['10', '11']]);
    expect((await journal({ kind: 'rasporyazhenie' })).items.map((o) => o.id)).toEqual([instruction.id]);
    expect(await journal({ year: 2025 })).toEqual({ items: [], total: 0 });
    await expect(bus.request(PlanRoutes.journal, { actor: testActor(['registrar'], randomUUID()), issuerId })).rejects.toThrow(/только её сотрудникам/);
  });
});

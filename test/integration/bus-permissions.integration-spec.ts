import { DocumentRoutes, PlanRoutes, ReportingEvents, ReportingRoutes } from '@eduplan/contracts';
import { freePort, repoRoot, startNatsServer, type NatsServerProcess } from '@eduplan/infra';
import { connect, type NatsConnection } from 'nats';
import { join } from 'node:path';

jest.setTimeout(60_000);

const SET_STATUS = PlanRoutes.setOrderStatus.subject;

/**
 * Item 9 on the bus: nobody connects without credentials, and a service publishes and subscribes only the
 * subjects the contracts give it, so no client on the network can set an order's status with one message.
 * A real nats-server started with the configuration npm start and deploy/ use.
 */
describe('the NATS bus is closed', () => {
  let nats: NatsServerProcess;
  const open: NatsConnection[] = [];
  const as = async (user: keyof NatsServerProcess['users']) => {
    const connection = await connect({ servers: nats.url, user, pass: nats.users[user] });
    open.push(connection);
    return connection;
  };
  /** Messages the plans service would see on a subject, collected for a moment after the publishers flushed. */
  const received = async (subject: string, publish: () => Promise<void>): Promise<string[]> => {
    const plans = await as('plans');
    const seen: string[] = [];
    const subscription = plans.subscribe(subject, { queue: 'plans', callback: (_error, message) => seen.push(message.string()) });
    await plans.flush();
    await publish();
    await new Promise((resolve) => setTimeout(resolve, 300));
    subscription.unsubscribe();
    return seen;
  };

  beforeAll(async () => {
    nats = await startNatsServer(await freePort(), join(repoRoot, '.data', 'test-logs', `bus-permissions-${process.pid}.log`));
  });

  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await nats?.stop();
  });

  it('refuses a client without credentials or with another service’s name and a wrong password', async () => {
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
    await expect(connect({ servers: nats.url, user: 'plans', pass: nats.users.worker, reconnect: false })).rejects.toThrow(/Authorization Violation/i);
  });

  it('does not deliver plans.orders.set-status published by the reporting service, and does deliver the worker’s', async () => {
    const reporting = await as('reporting');
    const violations: string[] = [];
    void (async () => {
      for await (const status of reporting.status()) if (status.type === 'error') violations.push(String(status.data));
    })();
    const fromReporting = await received(SET_STATUS, async () => {
      reporting.publish(SET_STATUS, JSON.stringify({ data: { id: 'a', status: 'closed' } }));
      await reporting.flush();
    });
    expect(fromReporting).toEqual([]);
    expect(violations).toContain('PERMISSIONS_VIOLATION');

    const worker = await as('worker');
    const fromWorker = await received(SET_STATUS, async () => {
      worker.publish(SET_STATUS, 'from the worker');
      await worker.flush();
    });
    expect(fromWorker).toEqual(['from the worker']);
  });

  it('refuses the reporting service a request to plans, and listening in on plans’ subjects', async () => {
    const reporting = await as('reporting');
    await expect(reporting.request(SET_STATUS, '{}', { timeout: 2000 })).rejects.toThrow(/Permissions Violation for Publish to "plans\.orders\.set-status"/i);
    const eavesdrop = reporting.subscribe(SET_STATUS);
    await expect(eavesdrop.closed).resolves.toBeUndefined();
    const worker = await as('worker');
    // The worker may ask: nobody answers here, which is a different refusal from a permissions violation.
    await expect(worker.request(SET_STATUS, '{}', { timeout: 500 })).rejects.toThrow(/^503$/);
  });

  it('refuses the gateway the worker’s steps (an order’s status, its registration, opening a period, signing its PDF) but lets it ask for a person', async () => {
    const gateway = await as('gateway');
    for (const subject of [SET_STATUS, PlanRoutes.registerOrder.subject, ReportingRoutes.openPeriod.subject, DocumentRoutes.renderOrder.subject, PlanRoutes.recordApprovalStep.subject]) {
      await expect(gateway.request(subject, '{}', { timeout: 2000 })).rejects.toThrow(/Permissions Violation for Publish/i);
    }
    // Allowed: nobody answers on this private server, which is a different refusal from a permissions violation.
    await expect(gateway.request(PlanRoutes.createOrder.subject, '{}', { timeout: 500 })).rejects.toThrow(/^503$/);
  });

  it('lets a service that calls nobody publish nothing but its replies', async () => {
    const organizations = await as('organizations');
    await expect(organizations.request(SET_STATUS, '{}', { timeout: 2000 })).rejects.toThrow(/Permissions Violation for Publish/i);
    const plans = await as('plans');
    plans.subscribe('plans.health', { callback: (_error, message) => message.respond('up') });
    await plans.flush();
    expect((await (await as('gateway')).request('plans.health', '{}', { timeout: 2000 })).string()).toBe('up');
  });

  it('lets only the reporting service state that a report was submitted', async () => {
    const gateway = await as('gateway');
    const worker = await as('worker');
    const heard: string[] = [];
    worker.subscribe(ReportingEvents.reportSubmitted, { callback: (_error, message) => heard.push(message.string()) });
    await worker.flush();
    gateway.publish(ReportingEvents.reportSubmitted, 'forged');
    (await as('reporting')).publish(ReportingEvents.reportSubmitted, 'real');
    await Promise.all(open.map((connection) => connection.flush().catch(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual(['real']);
  });
});

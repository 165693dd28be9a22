import { natsAccessProblem } from './nats-access';
import { startNatsServer, type NatsServerProcess } from './nats-server';
import { freePort } from './ports';

describe('whether npm start can reach its NATS', () => {
  let nats: NatsServerProcess;

  beforeAll(async () => {
    nats = await startNatsServer(await freePort());
  });

  afterAll(async () => {
    await nats?.stop();
  });

  it('lets this checkout in with its own password', async () => {
    expect(await natsAccessProblem(nats.url, 'cli', nats.users.cli)).toBeNull();
  });

  it('says a NATS started from another checkout refuses it, and what to do, instead of starting services that it would refuse', async () => {
    expect(await natsAccessProblem(nats.url, 'cli', 'another-checkout-password')).toMatch(/started from another eduplan checkout.*Stop it/);
  });

  it('says setup starts NATS when nothing listens on the port', async () => {
    expect(await natsAccessProblem(`nats://127.0.0.1:${await freePort()}`, 'cli', nats.users.cli)).toMatch(/cannot reach NATS.*npm run setup/);
  });
});

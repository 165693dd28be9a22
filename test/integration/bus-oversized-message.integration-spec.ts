import { route } from '@eduplan/contracts';
import { freePort, ManagedProcess, repoRoot, startNatsServer, type NatsServerProcess } from '@eduplan/infra';
import { BusClient, BusRequestError } from '@eduplan/platform';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { join } from 'node:path';
import { z } from 'zod';
import { FILLER_SUBJECT } from '../support/filler-bus-service';

jest.setTimeout(120_000);

const MAX_PAYLOAD = 64 * 1024;
const filler = route<z.ZodObject<{ length: z.ZodNumber; padding: z.ZodOptional<z.ZodString> }>, string>(
  FILLER_SUBJECT,
  z.object({ length: z.number(), padding: z.string().optional() }),
);

async function failure(call: Promise<unknown>): Promise<BusRequestError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof BusRequestError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

/**
 * A message over NATS's max_payload must not stop a service: a real NATS server limited to 64 KB and a
 * real Nest service booted by startBusService; the oversized reply is answered with TOO_LARGE naming the
 * size, and the service answers the next request.
 */
describe('a bus message over NATS max_payload', () => {
  let nats: NatsServerProcess;
  let service: ManagedProcess;
  let proxy: ClientProxy;
  let bus: BusClient;

  beforeAll(async () => {
    const port = await freePort();
    const logDir = join(repoRoot, '.data', 'test-logs', `bus-oversized-${port}`);
    nats = await startNatsServer(port, join(logDir, 'nats.log'), { maxPayloadBytes: MAX_PAYLOAD });
    service = new ManagedProcess({
      name: 'filler',
      command: process.execPath,
      args: ['-r', '@swc-node/register', join(repoRoot, 'test', 'support', 'filler-bus-service.ts')],
      cwd: repoRoot,
      env: { NO_COLOR: '1', ...nats.clientEnv('reporting') },
      logFile: join(logDir, 'filler.log'),
    });
    await service.waitForOutput(/ready on nats/, 60_000);
    proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url], user: 'gateway', pass: nats.users.gateway } });
    bus = new BusClient(proxy, 5000);
  });

  afterAll(async () => {
    await proxy?.close();
    await service?.stop();
    await nats?.stop();
  });

  it('answers an oversized reply with TOO_LARGE naming its size, and keeps serving', async () => {
    expect(await bus.request(filler, { length: 10 })).toBe('яяяяяяяяяя');
    // A retried activity asks again and again: every time the same clear answer, never a dead service.
    for (let attempt = 0; attempt < 3; attempt++) {
      const error = await failure(bus.request(filler, { length: 100_000 }));
      expect(error.payload).toEqual({
        code: 'TOO_LARGE',
        message: `Ответ на запрос ${FILLER_SUBJECT} занимает 196 КБ, больше предела шины 64 КБ: запросите данные по частям`,
      });
      expect(error.service).toBe('reporting');
    }
    expect(service.running).toBe(true);
    expect(await bus.request(filler, { length: 3 })).toBe('яяя');
  });

  it('refuses an oversized request before it is sent, naming the server limit', async () => {
    const error = await failure(bus.request(filler, { length: 1, padding: 'x'.repeat(100 * 1024) }));
    expect(error.payload).toEqual({
      code: 'TOO_LARGE',
      message: 'Данные слишком велики для передачи сервису «reporting»: 101 КБ при пределе 64 КБ; разделите их на части',
    });
    expect(await bus.request(filler, { length: 1 })).toBe('я');
  });
});

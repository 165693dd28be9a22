import { route } from '@eduplan/contracts';
import type { ClientProxy } from '@nestjs/microservices';
import { NEVER, of, throwError } from 'rxjs';
import { z } from 'zod';
import { BusClient } from './bus.client';
import { BusRequestError } from './bus-request.error';

const echo = route<z.ZodObject<{ text: z.ZodString }>, string>('plans.echo', z.object({ text: z.string() }));

function clientWith(send: ClientProxy['send'], timeoutMs = 50) {
  return new BusClient({ send } as unknown as ClientProxy, timeoutMs);
}

async function failure(call: Promise<unknown>): Promise<BusRequestError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof BusRequestError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
}

describe('BusClient', () => {
  it('refuses a payload NATS would drop, naming the size and the limit, without sending it', async () => {
    const send = jest.fn(() => of('never used'));
    const error = await failure(clientWith(send as never).request(echo, { text: 'я'.repeat(600_000) }));
    expect(error.payload.code).toBe('TOO_LARGE');
    expect(error.payload.message).toMatch(/plans.*1172 КБ при пределе 900 КБ/);
    expect(send).not.toHaveBeenCalled();
  });

  it('turns silence into UNAVAILABLE naming the service', async () => {
    const error = await failure(clientWith((() => NEVER) as never).request(echo, { text: 'привет' }));
    expect(error.payload).toEqual({ code: 'UNAVAILABLE', message: 'Сервис «plans» не ответил за 50 мс' });
  });

  it('passes the service error on as it came', async () => {
    const refused = { code: 'CONFLICT', message: 'Отчёт уже отправлен' };
    const error = await failure(clientWith((() => throwError(() => refused)) as never).request(echo, { text: 'x' }));
    expect(error.payload).toEqual(refused);
    expect(error.service).toBe('plans');
  });
});

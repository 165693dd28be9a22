import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from 'nats';
import { isBusErrorPayload, type BusRoute, type RequestOf, type ResponseOf } from '@eduplan/contracts';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { z } from 'zod';
import { BusRequestError } from './bus-request.error';
import { isMaxPayloadExceeded, kilobytes } from './payload-size';

export const BUS_PROXY = Symbol('BUS_PROXY');
export const BUS_TIMEOUT_MS = Symbol('BUS_TIMEOUT_MS');
/** NATS refuses messages over 1 MB by default; refusing earlier gives the person a reason instead of a timeout. */
export const MAX_BUS_PAYLOAD_BYTES = 900 * 1024;

/** Request/reply and events over NATS; every request is validated and bounded by a timeout. */
@Injectable()
export class BusClient implements OnApplicationShutdown {
  constructor(
    @Inject(BUS_PROXY) private readonly proxy: ClientProxy,
    @Inject(BUS_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /** `timeoutMs` overrides the client's timeout for a request whose work grows with a region (opening a period). */
  async request<R extends BusRoute<z.ZodTypeAny, unknown>>(busRoute: R, payload: RequestOf<R>, options: { timeoutMs?: number } = {}): Promise<ResponseOf<R>> {
    const waitMs = options.timeoutMs ?? this.timeoutMs;
    const body: unknown = busRoute.parse(payload);
    const service = busRoute.subject.split('.')[0];
    const size = Buffer.byteLength(JSON.stringify(body));
    if (size > MAX_BUS_PAYLOAD_BYTES) throw tooLarge(service, size, MAX_BUS_PAYLOAD_BYTES);
    try {
      return await firstValueFrom(this.proxy.send<ResponseOf<R>>(busRoute.subject, body).pipe(timeout(waitMs)));
    } catch (error) {
      // A NATS server configured below the default limit refuses the request as it is published.
      if (isMaxPayloadExceeded(error)) throw tooLarge(service, size, this.serverMaxPayload());
      throw this.toRequestError(error, service, waitMs);
    }
  }

  emit(subject: string, payload: unknown): void {
    this.proxy.emit(subject, payload).subscribe({ error: () => undefined });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }

  private serverMaxPayload(): number | null {
    return (this.proxy as ClientProxy & { unwrap?: <T>() => T }).unwrap?.<NatsConnection>().info?.max_payload ?? null;
  }

  private toRequestError(error: unknown, service: string, waitMs: number): BusRequestError {
    if (error instanceof TimeoutError) {
      return new BusRequestError(
        { code: 'UNAVAILABLE', message: `Сервис «${service}» не ответил за ${waitMs} мс` },
        service,
      );
    }
    if (isBusErrorPayload(error)) return new BusRequestError(error, service);
    const reason = error instanceof Error ? error.message : String(error);
    return new BusRequestError(
      { code: 'UNAVAILABLE', message: `Нет связи с сервисом «${service}» через NATS: ${reason}` },
      service,
    );
  }
}

function tooLarge(service: string, size: number, limit: number | null): BusRequestError {
  const bound = limit === null ? '' : ` при пределе ${kilobytes(limit)}`;
  return new BusRequestError(
    { code: 'TOO_LARGE', message: `Данные слишком велики для передачи сервису «${service}»: ${kilobytes(size)}${bound}; разделите их на части` },
    service,
  );
}

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { isBusErrorPayload, type BusRoute, type RequestOf, type ResponseOf } from '@eduplan/contracts';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { z } from 'zod';
import { BusRequestError } from './bus-request.error';

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

  async request<R extends BusRoute<z.ZodTypeAny, unknown>>(busRoute: R, payload: RequestOf<R>): Promise<ResponseOf<R>> {
    const body: unknown = busRoute.parse(payload);
    const service = busRoute.subject.split('.')[0];
    const size = Buffer.byteLength(JSON.stringify(body));
    if (size > MAX_BUS_PAYLOAD_BYTES) {
      const kb = (bytes: number) => Math.ceil(bytes / 1024);
      throw new BusRequestError(
        {
          code: 'TOO_LARGE',
          message: `Данные слишком велики для передачи сервису «${service}»: ${kb(size)} КБ при пределе ${kb(MAX_BUS_PAYLOAD_BYTES)} КБ; разделите их на части`,
        },
        service,
      );
    }
    try {
      return await firstValueFrom(this.proxy.send<ResponseOf<R>>(busRoute.subject, body).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      throw this.toRequestError(error, service);
    }
  }

  emit(subject: string, payload: unknown): void {
    this.proxy.emit(subject, payload).subscribe({ error: () => undefined });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }

  private toRequestError(error: unknown, service: string): BusRequestError {
    if (error instanceof TimeoutError) {
      return new BusRequestError(
        { code: 'UNAVAILABLE', message: `Сервис «${service}» не ответил за ${this.timeoutMs} мс` },
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

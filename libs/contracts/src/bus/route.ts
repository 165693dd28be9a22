import { z } from 'zod';

/**
 * A request/reply subject with the schema of its request. Both sides use the same route:
 * the caller validates before sending, the handler validates on receipt.
 */
export interface BusRoute<Req extends z.ZodTypeAny, Res> {
  subject: string;
  request: Req;
  /** Phantom: the reply type, for the caller's benefit only. */
  readonly response?: Res;
}

export function route<Req extends z.ZodTypeAny, Res>(subject: string, request: Req): BusRoute<Req, Res> {
  return { subject, request };
}

export type RequestOf<R> = R extends BusRoute<infer Req, unknown> ? z.input<Req> : never;
export type ResponseOf<R> = R extends BusRoute<z.ZodTypeAny, infer Res> ? Res : never;

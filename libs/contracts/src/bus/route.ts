import { z } from 'zod';
import { actorSchema, type Role } from '../actor';
import { strictRequest } from './strict-request';

/**
 * A request/reply subject with the schema of its request. Both sides use the same route:
 * the caller validates before sending (`parse`), the handler validates on receipt.
 */
export interface BusRoute<Req extends z.ZodTypeAny, Res> {
  subject: string;
  request: Req;
  /** The schema's checks plus those every request gets (no unknown fields, no NUL characters). */
  parse(value: unknown): z.output<Req>;
  /**
   * Set on a route a person calls through the gateway: the request then carries the verified `actor`, and the
   * answering service refuses an actor holding none of these roles before it looks at the data. Routes
   * without roles are called by services only (the bus permissions keep the gateway from them).
   */
  readonly roles?: readonly Role[];
  /** Phantom: the reply type, for the caller's benefit only. */
  readonly response?: Res;
}

export function route<Req extends z.ZodTypeAny, Res>(subject: string, schema: Req): BusRoute<Req, Res> {
  const request = strictRequest(schema);
  const checked = request.superRefine(rejectNulCharacters);
  return { subject, request, parse: (value) => checked.parse(value) };
}

/** The schema with the verified caller added, for a route a person calls. */
export type ActedRequest<Req extends z.ZodTypeAny> = z.ZodType<z.output<Req> & { actor: z.output<typeof actorSchema> }, z.ZodTypeDef, z.input<Req> & { actor: z.input<typeof actorSchema> }>;

/** A route a person calls through the gateway: its request carries `actor`, and only holders of `roles` get past the service's door. */
export function actedRoute<Req extends z.ZodTypeAny, Res>(subject: string, schema: Req, roles: readonly Role[]): BusRoute<ActedRequest<Req>, Res> {
  return { ...route<ActedRequest<Req>, Res>(subject, withActor(schema) as unknown as ActedRequest<Req>), roles };
}

function withActor(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodObject) return schema.extend({ actor: actorSchema });
  if (schema instanceof z.ZodEffects) return new z.ZodEffects({ ...schema._def, schema: withActor(schema.innerType()) });
  throw new Error('actedRoute: the request must be an object (or a refined object) to carry the actor');
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL pasted from a binary file would fail deep in a write;
 * it is refused up front, naming the field.
 */
function rejectNulCharacters(value: unknown, context: z.RefinementCtx): void {
  const path = nulPath(value, []);
  if (path) context.addIssue({ code: z.ZodIssueCode.custom, path, message: 'текст содержит нулевой символ (U+0000): уберите его' });
}

function nulPath(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export type RequestOf<R> = R extends BusRoute<infer Req, unknown> ? z.input<Req> : never;
export type ResponseOf<R> = R extends BusRoute<z.ZodTypeAny, infer Res> ? Res : never;

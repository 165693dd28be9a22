/**
 * Error codes that cross the bus; the gateway maps each to one HTTP status.
 * - TOO_LARGE: a request or a reply over the bus's message limit (NATS `max_payload`); the message names
 *   the size and the limit. The same message will never fit, so a caller (an activity) must not retry it.
 * - UNAVAILABLE: the service or its database did not answer; worth retrying.
 * - UNAUTHENTICATED: no valid session, or a wrong login or password.
 * - LOCKED: the account is locked after repeated failed logins; the message says until when.
 */
export const BUS_ERROR_CODES = ['VALIDATION', 'UNAUTHENTICATED', 'LOCKED', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'TOO_LARGE', 'UNAVAILABLE', 'INTERNAL'] as const;
export type BusErrorCode = (typeof BUS_ERROR_CODES)[number];

/** The shape every failed bus reply has (Nest wraps it in RpcException). */
export interface BusErrorPayload {
  code: BusErrorCode;
  /** Russian, for the person at the screen. */
  message: string;
  details?: unknown;
}

export function isBusErrorPayload(value: unknown): value is BusErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    (BUS_ERROR_CODES as readonly unknown[]).includes((value as BusErrorPayload).code) &&
    typeof (value as BusErrorPayload).message === 'string'
  );
}

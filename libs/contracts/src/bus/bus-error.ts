/** Error codes that cross the bus; the gateway maps each to one HTTP status. */
export type BusErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'TOO_LARGE' | 'UNAVAILABLE' | 'INTERNAL';

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
    typeof (value as BusErrorPayload).code === 'string' &&
    typeof (value as BusErrorPayload).message === 'string'
  );
}

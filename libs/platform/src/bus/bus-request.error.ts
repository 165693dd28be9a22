import type { BusErrorPayload } from '@eduplan/contracts';

/** A failed bus request, with the service that failed or did not answer. */
export class BusRequestError extends Error {
  constructor(
    readonly payload: BusErrorPayload,
    readonly service: string,
  ) {
    super(payload.message);
  }
}

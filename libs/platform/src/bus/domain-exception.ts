import type { BusErrorCode } from '@eduplan/contracts';

/** A failure the caller can understand and act on; the message is Russian and names what to fix. */
export class DomainException extends Error {
  constructor(
    readonly code: BusErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new DomainException('NOT_FOUND', `${what} ${id} не найден(а)`);

/** Sizes in bus error messages: kilobytes, because the bus limit is about a megabyte. */
export const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024)} КБ`;

/** NATS refuses a message over its server's `max_payload` with this code (nats.js `ErrorCode.MaxPayloadExceeded`). */
export function isMaxPayloadExceeded(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'MAX_PAYLOAD_EXCEEDED';
}

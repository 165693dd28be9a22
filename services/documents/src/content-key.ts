import { sha256Hex } from '@eduplan/signing';

/**
 * SHA-256 of a render input as JSON with object keys sorted, so the same content always gives the same key
 * whatever order a caller built its objects in.
 */
export function contentKey(input: unknown): string {
  return sha256Hex(Buffer.from(JSON.stringify(input, (_key, value: unknown) => (isPlainObject(value) ? sortedKeys(value) : value))));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]]));
}

import { createHash } from 'node:crypto';

/** Hex SHA-256 under which rendered and signed documents are stored. */
export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { EdgeConfig } from './edge.config';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes per client address: WRITE_RATE_LIMIT within WRITE_RATE_WINDOW_MS. Reads are not counted (the web UI
 * polls an order's state). Past the limit the answer is 429 saying when to try again.
 */
export function writeThrottlerOptions(config: EdgeConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'writes',
        limit: config.WRITE_RATE_LIMIT,
        ttl: config.WRITE_RATE_WINDOW_MS,
        skipIf: (context: ExecutionContext) =>
          context.getType() !== 'http' || READS.has(context.switchToHttp().getRequest<Request>().method),
      },
    ],
    errorMessage: (_context, detail) =>
      `Слишком много изменений с этого адреса: не больше ${detail.limit} за ${Math.round(detail.ttl / 1000)} с. ` +
      `Повторите через ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} с`,
  };
}

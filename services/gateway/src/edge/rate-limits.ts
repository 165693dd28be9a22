import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AuthConfig } from '../auth/auth.config';
import type { EdgeConfig } from './edge.config';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_PATH = '/api/auth/login';

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Request>();
const isLogin = (context: ExecutionContext) => context.getType() === 'http' && requestOf(context).path === LOGIN_PATH;

/**
 * The gateway's rate limits per client address, one throttler module for all of them:
 * - writes: WRITE_RATE_LIMIT within WRITE_RATE_WINDOW_MS; reads are not counted (the web UI polls an order's state);
 * - login: LOGIN_RATE_LIMIT password attempts a minute (the account lockout in the organizations service counts per account).
 * Past a limit the answer is 429 saying what to wait for.
 */
export function rateLimitOptions(edge: EdgeConfig, auth: AuthConfig): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'writes',
        limit: edge.WRITE_RATE_LIMIT,
        ttl: edge.WRITE_RATE_WINDOW_MS,
        skipIf: (context: ExecutionContext) => context.getType() !== 'http' || READS.has(requestOf(context).method),
      },
      { name: 'login', limit: auth.LOGIN_RATE_LIMIT, ttl: 60_000, skipIf: (context: ExecutionContext) => !isLogin(context) },
    ],
    errorMessage: (context, detail) =>
      isLogin(context) && detail.limit === auth.LOGIN_RATE_LIMIT && detail.ttl === 60_000
        ? 'Слишком много попыток входа с этого адреса: подождите минуту и попробуйте снова'
        : `Слишком много изменений с этого адреса: не больше ${detail.limit} за ${Math.round(detail.ttl / 1000)} с. ` +
          `Повторите через ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} с`,
  };
}

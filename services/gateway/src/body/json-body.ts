import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { megabytes } from '../uploads/file-upload';
import { allowPlanImportBodies } from '../plans/plan-import-body';

/** The largest JSON body of an ordinary API request; the plan import route has its own, larger limit. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** Installs the JSON parsers with their limits; call before the application listens. */
export function useJsonBodies(app: INestApplication): void {
  allowPlanImportBodies(app);
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_MAX_BYTES });
}

/** What body-parser attaches to the errors it passes on (see the `http-errors` it creates). */
interface BodyParserError {
  type: string;
  status: number;
  limit?: number;
  length?: number;
  message: string;
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    exception instanceof Error &&
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}

/**
 * A body the JSON parser refused, as the HTTP answer: over the limit is 413 naming the limit; null when the
 * exception did not come from the parser (Nest itself turns unreadable JSON into a 400).
 */
export function describeBodyParserError(exception: unknown): { status: number; code: 'TOO_LARGE' | 'VALIDATION'; message: string } | null {
  if (!isBodyParserError(exception)) return null;
  if (exception.type === 'entity.too.large') {
    const size = exception.length === undefined ? '' : ` (${megabytes(exception.length)})`;
    return {
      status: 413,
      code: 'TOO_LARGE',
      message: `Тело запроса${size} больше предела ${megabytes(exception.limit ?? JSON_BODY_MAX_BYTES)}: отправьте данные частями`,
    };
  }
  return { status: exception.status, code: 'VALIDATION', message: `Тело запроса не прочитано: ${exception.message}` };
}

import { ApplicationFailure } from '@temporalio/common';
import type { BusErrorCode } from '@eduplan/contracts';
import { BusRequestError, DomainException } from '@eduplan/platform';

/**
 * Answers that repeating the same request cannot change: the data or the request is wrong until a person
 * fixes it. UNAVAILABLE (timeouts, no connection) and INTERNAL may pass, so they are retried (bounded).
 */
const NEVER_SUCCEEDS: ReadonlySet<BusErrorCode> = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'TOO_LARGE']);

/**
 * A failed bus request (or the activity's own domain check) as Temporal should see it: an ApplicationFailure
 * typed by the error code, non-retryable when retrying cannot help. Anything else is left as it is
 * (retried within the workflow's bounded policy).
 */
export function activityFailureOf(error: unknown): unknown {
  const failure =
    error instanceof BusRequestError
      ? { code: error.payload.code, message: error.payload.message, service: error.service }
      : error instanceof DomainException
        ? { code: error.code, message: error.message, service: 'worker' }
        : null;
  if (!failure) return error;
  return ApplicationFailure.create({
    message: failure.message,
    type: failure.code,
    nonRetryable: NEVER_SUCCEEDS.has(failure.code),
    details: [{ service: failure.service, code: failure.code }],
  });
}

import { ApplicationFailure } from '@temporalio/workflow';
import type { OrderRefusalCode } from '@eduplan/contracts';

/** Why the workflow will not do what a person asked, in Russian, with the answer the gateway gives (403, 409, 400, 503). */
export class OrderRefusal extends Error {
  constructor(
    readonly code: OrderRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a check or an update's work; a refusal becomes the update's failure, typed by its code, and the
 * workflow goes on unchanged (an ApplicationFailure fails the update, never the workflow task).
 */
export async function refusing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asFailure(error);
  }
}

/** The same for a validator, which must answer at once. */
export function refuseNow(check: () => void): void {
  try {
    check();
  } catch (error) {
    throw asFailure(error);
  }
}

function asFailure(error: unknown): unknown {
  return error instanceof OrderRefusal ? ApplicationFailure.nonRetryable(error.message, error.code) : error;
}

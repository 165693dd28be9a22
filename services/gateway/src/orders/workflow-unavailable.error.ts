/** Temporal or the worker did not answer in time: the order's process cannot be reached right now. */
export class WorkflowUnavailableError extends Error {}

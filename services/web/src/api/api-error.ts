/** The gateway's refusal: `{ code, message }` in Russian, with the issues of a refused form when it names them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (`signatory.name`, `items.0.participants`) → what to fix there. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }

  static of(status: number, body: unknown): ApiError {
    if (typeof body !== 'object' || body === null || !('message' in body)) return new ApiError(status, 'HTTP', `Ошибка ${status}`);
    const { code, message, details } = body as { code?: unknown; message: unknown; details?: unknown };
    const text = String(message);
    return new ApiError(status, typeof code === 'string' ? code : 'HTTP', text, code === 'VALIDATION' ? fieldIssues(details) : {});
  }
}

/** A refusal carries its zod issues (`details: [{ path, message }]`), from a service's check or the gateway's own. */
function fieldIssues(details: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(details)) return fields;
  for (const issue of details as { path?: unknown; message?: unknown }[]) {
    if (Array.isArray(issue.path) && issue.path.length > 0 && typeof issue.message === 'string') fields[issue.path.join('.')] ??= issue.message;
  }
  return fields;
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

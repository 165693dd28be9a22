import type { ZodError } from 'zod';

/** «поле: что не так» for each problem, so the person knows which field to fix. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 5 ? ` (и ещё ${error.issues.length - 5})` : '';
  return `Неверные данные — ${parts.join('; ')}${more}`;
}

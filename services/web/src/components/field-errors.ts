import { ApiError } from '../api/api-error';

/**
 * The message for one field of a refused form (the API names fields by path: `signatory.name`, `items.0.comment`),
 * or for any field under the given prefix when `nested` is set.
 */
export function fieldError(error: unknown, path: string, nested = false): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.fields[path]) return error.fields[path];
  if (!nested) return undefined;
  const key = Object.keys(error.fields).find((field) => field.startsWith(`${path}.`));
  return key ? error.fields[key] : undefined;
}

/** The refusal as a whole, unless every issue is shown at its field. */
export function formLevelError(error: unknown, shownPaths: string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.keys(error.fields);
  if (fields.length === 0) return error;
  return fields.every((field) => shownPaths.some((path) => field === path || field.startsWith(`${path}.`))) ? null : error;
}

/** Props for a kit control that shows the invalid state. */
export const invalid = (message: string | undefined) => (message ? { validationState: 'invalid' as const } : {});

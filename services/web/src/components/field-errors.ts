import { ApiError } from '../api/api-error';

/**
 * The message for one field of a refused form (the API names fields by path: `signatory.name`, `items.0.comment`),
 * or for any field under the given prefix when `nested` is set.
 */
export function fieldError(error: unknown, path: string, nested = false): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const key = Object.keys(error.fields).find((field) => concerns(field, path, nested));
  return key ? error.fields[key] : undefined;
}

/**
 * Whether an issue's path is this field's: the same path, or (a service checks the whole bus request, whose body
 * sits under a key such as `edit.changes`) one ending with it; with `nested`, also a path inside it.
 */
const concerns = (field: string, path: string, nested: boolean): boolean =>
  field === path || field.endsWith(`.${path}`) || (nested && (field.startsWith(`${path}.`) || field.includes(`.${path}.`)));

/** The refusal as a whole, unless every issue is shown at its field. */
export function formLevelError(error: unknown, shownPaths: string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = Object.keys(error.fields);
  if (fields.length === 0) return error;
  return fields.every((field) => shownPaths.some((path) => concerns(field, path, true))) ? null : error;
}

/** Props for a kit control that shows the invalid state. */
export const invalid = (message: string | undefined) => (message ? { validationState: 'invalid' as const } : {});

import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в формате ГГГГ-ММ-ДД')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'несуществующая дата');

export const uuid = z.string().uuid('идентификатор UUID');

export const byId = z.object({ id: uuid });

/** The largest PostgreSQL `integer`: counts, offsets and version numbers above it could never match a row. */
export const MAX_STORED_INT = 2_147_483_647;

/**
 * A whole number within [min, max], given as a JSON number or as the text of a path or query parameter.
 * Text must be plain decimal digits («1e3», «1.5», «0x10», « » are refused, not coerced), so a value out of
 * range is answered 400 naming the parameter instead of reaching PostgreSQL. `hint` replaces the message
 * for a missing, non-integer or too small value.
 */
export const boundedInt = (min: number, max = MAX_STORED_INT, hint?: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z
      .number({ required_error: hint, invalid_type_error: hint ?? `целое число от ${min} до ${max}` })
      .int(hint ?? `целое число от ${min} до ${max}`)
      .min(min, hint ?? `не меньше ${min}`)
      .max(max, `не больше ${max}`),
  );

/** Newest first, a page at a time; numbers may come as query-string text. */
export const pageRequest = z.object({
  limit: boundedInt(1, 200).default(50),
  offset: boundedInt(0).default(0),
});

let knownTimeZones: ReadonlySet<string> | undefined;

/** The runtime's own spelling of an IANA time zone it can compute dates in; null for anything else. */
export function knownTimeZone(name: string): string | null {
  knownTimeZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  try {
    const resolved = new Intl.DateTimeFormat('ru', { timeZone: name }).resolvedOptions().timeZone;
    return knownTimeZones.has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/**
 * An IANA time zone such as «Europe/Moscow», stored as the runtime spells it. An unknown one would make
 * every date computation of its issuer's workflows throw, so it is refused at the door.
 */
export const ianaTimeZone = z
  .string()
  .trim()
  .max(64, 'не длиннее 64 символов')
  .refine((name) => knownTimeZone(name) !== null, (name) => ({
    message: `неизвестный часовой пояс «${name}»: укажите пояс из базы IANA, например Europe/Moscow или Asia/Yekaterinburg`,
  }))
  .transform((name) => knownTimeZone(name) ?? name);

export interface Page<T> {
  items: T[];
  /** How many match the filter in all pages. */
  total: number;
}

/** A list of what waits on a person, cut at a bound, with the count of everything it was cut from. */
export interface TaskList<T> {
  count: number;
  items: T[];
}

export const nonEmpty = (max = 2000) => z.string().trim().min(1, 'не заполнено').max(max, `не длиннее ${max} символов`);

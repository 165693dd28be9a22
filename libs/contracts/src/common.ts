import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в формате ГГГГ-ММ-ДД')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'несуществующая дата');

export const uuid = z.string().uuid('идентификатор UUID');

export const byId = z.object({ id: uuid });

/** Newest first, a page at a time; numbers may come as query-string text. */
export const pageRequest = z.object({
  limit: z.coerce.number().int('целое число').min(1, 'не меньше 1').max(200, 'не больше 200').default(50),
  offset: z.coerce.number().int('целое число').min(0, 'не меньше 0').default(0),
});

export interface Page<T> {
  items: T[];
  /** How many match the filter in all pages. */
  total: number;
}

export const nonEmpty = (max = 2000) => z.string().trim().min(1, 'не заполнено').max(max, `не длиннее ${max} символов`);

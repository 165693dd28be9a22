import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'дата в формате ГГГГ-ММ-ДД')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'несуществующая дата');

export const uuid = z.string().uuid('идентификатор UUID');

export const byId = z.object({ id: uuid });

export const nonEmpty = (max = 2000) => z.string().trim().min(1, 'не заполнено').max(max, `не длиннее ${max} символов`);

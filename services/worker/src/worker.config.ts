import { baseConfigSchema } from '@eduplan/platform';
import { z } from 'zod';

export const workerConfigSchema = baseConfigSchema.extend({
  /** Reporters who have not reported are reminded this many working days before the deadline (0: no reminders). */
  REMINDER_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
});

export type WorkerConfig = z.infer<typeof workerConfigSchema>;

import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { z } from 'zod';

export const notificationsConfigSchema = baseConfigSchema.extend({
  /** The mail server, e.g. `smtp://user:password@mail.example.ru:587` or `smtps://…:465`; unset: notices stay in the app. */
  SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  /** The sender of the e-mails. */
  SMTP_FROM: z.string().min(3).default('eduplan <eduplan@localhost>'),
  /** The address people open: e-mails link to the object's page there. */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** How often the mailer looks for e-mails due again (a failed one waits longer and longer). */
  EMAIL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export function notificationsConfig(): NotificationsConfig {
  return loadConfig(notificationsConfigSchema);
}

import { z } from 'zod';
import { baseConfigSchema, loadConfig } from '@eduplan/platform';

/**
 * Sign-in settings of the gateway. Single sign-on is on when OIDC_ISSUER is set, and then needs the client's
 * id and secret as registered at the provider (Keycloak, ADFS …); its redirect address is
 * `PUBLIC_URL/api/auth/oidc/callback`.
 */
export const authConfigSchema = baseConfigSchema
  .extend({
    PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Password sign-in attempts one address may make per minute (the account lockout counts per account). */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
  })
  .superRefine((config, context) => {
    if (!config.OIDC_ISSUER) return;
    for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const) {
      if (!config[name]) context.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: 'required when OIDC_ISSUER is set' });
    }
  });

export type AuthConfig = z.infer<typeof authConfigSchema>;
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

export const loadAuthConfig = (): AuthConfig => loadConfig(authConfigSchema);

import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { z } from 'zod';

/**
 * What the gateway's doors need: the address browsers reach it at (writes must come from pages of that
 * origin) and the write rate limit per client address. The limit is generous for a person at the screen;
 * a test system or a bulk script may raise it.
 */
export const edgeConfigSchema = baseConfigSchema
  .extend({
    PUBLIC_URL: z.string().url().optional(),
    WRITE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
    WRITE_RATE_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  })
  .transform((config) => ({
    ...config,
    /** Scheme, host and port only: what a browser sends as `Origin`. */
    PUBLIC_ORIGIN: new URL(config.PUBLIC_URL ?? `http://127.0.0.1:${config.GATEWAY_PORT}`).origin,
  }));

export type EdgeConfig = z.infer<typeof edgeConfigSchema>;

export const EDGE_CONFIG = Symbol('EDGE_CONFIG');

export function edgeConfig(): EdgeConfig {
  return loadConfig(edgeConfigSchema);
}

import { z } from 'zod';

/**
 * The development PostgreSQL: the machine's own cluster, role postgres with the development password (setup
 * gives the role this password where the server asks for one and the role has none; README «Configuration»).
 */
export const DEV_DATABASE_SERVER = 'postgres://postgres:eduplan-dev@127.0.0.1:5432';

/** Environment every process reads; defaults fit a single machine (README «Configuration»). */
export const baseConfigSchema = z.object({
  DATABASE_URL: z.string().url().default(`${DEV_DATABASE_SERVER}/eduplan`),
  NATS_URL: z.string().default('nats://127.0.0.1:4223'),
  /** The process's own NATS user and password: the bus refuses anonymous clients (README «The bus»). */
  NATS_USER: z.string().min(1).optional(),
  NATS_PASSWORD: z.string().min(1).optional(),
  BUS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('eduplan-orders'),
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug']).default('log'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Reads and validates the environment; a bad value stops the process with the variable's name. */
export function loadConfig<S extends z.ZodTypeAny = typeof baseConfigSchema>(
  schema: S = baseConfigSchema as unknown as S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

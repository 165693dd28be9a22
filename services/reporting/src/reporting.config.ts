import { DEFAULT_REPORT_FILE_MAX_BYTES } from '@eduplan/contracts';
import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { z } from 'zod';

export const reportingConfigSchema = baseConfigSchema.extend({
  /** A count of an event's participants above this needs the reporter's explicit confirmation (a typo check). */
  REPORT_PARTICIPANTS_CONFIRM_ABOVE: z.coerce.number().int().min(1).max(10_000_000).default(5000),
  /** The largest evidence file; the gateway reads the same variable and refuses a larger file before sending it. */
  REPORT_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(DEFAULT_REPORT_FILE_MAX_BYTES),
});

export type ReportingConfig = z.infer<typeof reportingConfigSchema>;

export const REPORTING_CONFIG = Symbol('REPORTING_CONFIG');

export const reportingConfig = (): ReportingConfig => loadConfig(reportingConfigSchema);

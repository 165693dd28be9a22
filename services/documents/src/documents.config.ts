import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { DEV_CERTIFICATE_PASSWORD, trustedRootsVariables, withTrustedRoots } from '@eduplan/signing';
import { z } from 'zod';

export const documentsConfigSchema = baseConfigSchema
  .extend({
    ...trustedRootsVariables,
    /** Opens the registered signers' PKCS#12 containers. */
    CERTIFICATE_PASSWORD: z.string().default(DEV_CERTIFICATE_PASSWORD),
    /** The address people open; the QR code on a signed document points at its verification page there. */
    PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  })
  .transform(withTrustedRoots);

export function documentsConfig() {
  return loadConfig(documentsConfigSchema);
}

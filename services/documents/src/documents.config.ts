import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { DEV_CERTIFICATE_PASSWORD } from '@eduplan/signing';
import { z } from 'zod';

export const documentsConfigSchema = baseConfigSchema.extend({
  /** Where signers' PKCS#12 files live, one `<userId>-rsa.p12` per person. */
  CERTIFICATES_DIR: z.string().optional(),
  CERTIFICATE_PASSWORD: z.string().default(DEV_CERTIFICATE_PASSWORD),
  /** The address people open; the QR code on a signed document points at its verification page there. */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
});

export function documentsConfig() {
  const config = loadConfig(documentsConfigSchema);
  return { ...config, CERTIFICATES_DIR: config.CERTIFICATES_DIR ?? `${config.DATA_DIR}/certificates` };
}

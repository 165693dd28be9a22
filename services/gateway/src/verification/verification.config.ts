import { baseConfigSchema, loadConfig } from '@eduplan/platform';
import { trustedRootsVariables, withTrustedRoots } from '@eduplan/signing';

/** The gateway checks uploaded files itself, so it reads the same trusted roots as the documents service. */
export const verificationConfigSchema = baseConfigSchema.extend(trustedRootsVariables).transform(withTrustedRoots);

export function verificationConfig() {
  return loadConfig(verificationConfigSchema);
}

import { join } from 'node:path';
import { loadConfig } from '@eduplan/platform';
import { createDevCertificates } from '@eduplan/signing';
import { registerDevSigners } from '../services/documents/src/register-dev-signers';

/**
 * Called by the setup script after the migrations: development signing certificates under .data/certificates
 * (git-ignored), their people registered as signers in the documents schema.
 */
const dir = join(__dirname, '..', '.data', 'certificates');

async function main(): Promise<void> {
  const certificates = await createDevCertificates(dir, { password: process.env.EDUPLAN_DEV_CERTIFICATE_PASSWORD });
  console.log(`  certificates ${dir}: ${certificates.created.length} files created, existing kept`);
  const signers = await registerDevSigners(loadConfig().DATABASE_URL, certificates);
  console.log(`  signers registered: ${signers.map((s) => `${s.userId} (${s.displayName})`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(`Development certificates failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

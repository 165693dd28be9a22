import { join } from 'node:path';
import { createDevCertificates } from '@eduplan/signing';

/** Called by the setup script: development signing certificates under .data/certificates (git-ignored). */
const dir = join(__dirname, '..', '.data', 'certificates');

createDevCertificates(dir, { password: process.env.EDUPLAN_DEV_CERTIFICATE_PASSWORD }).then(
  (result) => console.log(`  certificates ${dir}: ${result.created.length} files created, existing kept`),
  (error: unknown) => {
    console.error(`Development certificates failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

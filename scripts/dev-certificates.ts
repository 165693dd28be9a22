import { join, relative } from 'node:path';
import { createDevCertificates } from '@eduplan/signing';

/**
 * Called by the setup script: the development CA and signing certificates under .data/certificates
 * (git-ignored). A certificate signs once it is tied to a person of the registry, who exists only after
 * someone has added the ministry's staff: the line printed says how.
 */
const dir = join(__dirname, '..', '.data', 'certificates');

async function main(): Promise<void> {
  const certificates = await createDevCertificates(dir, { password: process.env.EDUPLAN_DEV_CERTIFICATE_PASSWORD });
  console.log(`  certificates ${dir}: ${certificates.created.length} files created, existing kept`);
  for (const person of certificates.people) {
    const file = relative(process.cwd(), person.files.RSA.pkcs12 as string);
    console.log(`  ${person.owner} signs as a person of the registry once registered: npm run -s eduplan -- signer add --person ID --pkcs12 ${file} --password-stdin <<< '${certificates.password}'`);
  }
}

main().catch((error: unknown) => {
  console.error(`Development certificates failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

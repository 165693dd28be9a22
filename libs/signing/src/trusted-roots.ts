import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCertificate, splitPemCertificates } from './certificate';

/** Environment of a process that verifies signatures (README «Configuration»). */
export const trustedRootsVariables = {
  /** The development CA and certificates; `$DATA_DIR/certificates` unless set. */
  CERTIFICATES_DIR: z.string().optional(),
  /** Comma-separated PEM files of the root certificates a signature must chain to; unset: the development CA. */
  TRUSTED_ROOTS: z.string().optional(),
};

export interface TrustedRootsConfig {
  CERTIFICATES_DIR: string;
  /** PEM text of every trusted root certificate. */
  trustedRoots: string[];
}

/** The development CA `createDevCertificates` writes, trusted when TRUSTED_ROOTS is not set. */
export const devRootFiles = (certificatesDir: string) => ['ca-rsa.crt.pem', 'ca-gost.crt.pem'].map((name) => join(certificatesDir, name));

/**
 * A zod `transform` step for a config schema: reads the trusted roots at boot, so a missing or unreadable file stops
 * the process with the variable's name instead of every verification later calling a forged signature valid.
 */
export function withTrustedRoots<T extends { DATA_DIR: string; CERTIFICATES_DIR?: string; TRUSTED_ROOTS?: string }>(
  config: T,
  context: z.RefinementCtx,
): T & TrustedRootsConfig {
  const certificatesDir = config.CERTIFICATES_DIR ?? join(config.DATA_DIR, 'certificates');
  const explicit = config.TRUSTED_ROOTS?.split(',').map((path) => path.trim()).filter(Boolean);
  const files = explicit?.length ? explicit : devRootFiles(certificatesDir);
  const trustedRoots: string[] = [];
  for (const file of files) {
    const problem = readRoots(file, trustedRoots);
    if (problem) {
      const hint = explicit?.length ? '' : ' (TRUSTED_ROOTS is not set, so the development CA is expected: run `npm run setup` or set TRUSTED_ROOTS)';
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['TRUSTED_ROOTS'], message: `${file}: ${problem}${hint}` });
    }
  }
  return { ...config, CERTIFICATES_DIR: certificatesDir, trustedRoots };
}

function readRoots(file: string, into: string[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  const certificates = splitPemCertificates(text);
  if (certificates.length === 0) return 'holds no PEM certificate';
  try {
    certificates.forEach((pem) => parseCertificate(pem));
  } catch {
    return 'holds a certificate that cannot be parsed';
  }
  into.push(...certificates);
  return undefined;
}

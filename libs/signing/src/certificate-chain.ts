import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { certificateAlgorithm, certificatePem, parseCertificate } from './certificate';
import { GOST_ENGINE, runOpenssl, withTempDir } from './openssl';
import { ensurePkijsEngine } from './pkijs-engine';

/** Does `signer` chain through `intermediates` to one of `trustedRoots`, every link valid at `at`? (RSA, by pkijs.) */
export async function pkijsChainTrusted(
  signer: pkijs.Certificate,
  intermediates: pkijs.Certificate[],
  trustedRoots: pkijs.Certificate[],
  at: Date,
): Promise<boolean> {
  ensurePkijsEngine();
  const engine = new pkijs.CertificateChainValidationEngine({ certs: [signer, ...intermediates], trustedCerts: trustedRoots, checkDate: at });
  try {
    return (await engine.verify()).result;
  } catch {
    return false;
  }
}

/**
 * The same question for a certificate on its own (RSA or ГОСТ): asked when a signer is registered, so a key whose
 * certificate no trusted authority issued is refused before it signs anything.
 */
export async function certificateChainsToTrustedRoot(
  certificate: string,
  chain: string[],
  trustedRoots: string[],
  at: Date,
): Promise<boolean> {
  const parsed = parseCertificate(certificate);
  if (certificateAlgorithm(parsed) === 'RSA') {
    return pkijsChainTrusted(parsed, chain.map((pem) => parseCertificate(pem)), trustedRoots.map((pem) => parseCertificate(pem)), at);
  }
  return withTempDir(async (dir) => {
    const file = (name: string) => join(dir, name);
    await writeFile(file('roots.pem'), trustedRoots.join(''));
    await writeFile(file('chain.pem'), chain.join(''));
    await writeFile(file('certificate.pem'), certificatePem(parsed));
    const untrusted = chain.length ? ['-untrusted', file('chain.pem')] : [];
    const attime = String(Math.floor(at.getTime() / 1000));
    const args = ['verify', ...GOST_ENGINE, '-CAfile', file('roots.pem'), ...untrusted, '-purpose', 'any', '-attime', attime, file('certificate.pem')];
    return runOpenssl(args).then(() => true, () => false);
  });
}

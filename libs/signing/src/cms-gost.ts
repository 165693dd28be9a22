import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GOST_KEYS, parseCertificate } from './certificate';
import { SigningCredentials } from './credentials';
import { GOST_ENGINE, runOpenssl, withTempDir } from './openssl';

/**
 * A detached CAdES-BES SignedData with ГОСТ Р 34.10-2012 / 34.11-2012, made by
 * `openssl cms -sign` with the gost engine (no JS library implements ГОСТ).
 * `-binary` keeps the PDF bytes untouched (no MIME canonicalisation); `-cades`
 * adds signingCertificateV2; `-nosmimecap` drops the irrelevant S/MIME
 * capabilities. openssl stamps its own signingTime.
 */
export async function createGostCms(content: Buffer, credentials: SigningCredentials): Promise<Buffer> {
  const publicKeyOid = parseCertificate(credentials.certificatePem).subjectPublicKeyInfo.algorithm.algorithmId;
  const digest = GOST_KEYS[publicKeyOid];
  return withTempDir(async (dir) => {
    const file = (name: string) => join(dir, name);
    await writeFile(file('content.bin'), content);
    await writeFile(file('signer.pem'), credentials.certificatePem);
    await writeFile(file('key.pem'), credentials.privateKeyPem, { mode: 0o600 });
    const chainArgs: string[] = [];
    if (credentials.chainPem.length > 0) {
      await writeFile(file('chain.pem'), credentials.chainPem.join(''));
      chainArgs.push('-certfile', file('chain.pem'));
    }
    const { stdout } = await runOpenssl([
      'cms', '-sign', ...GOST_ENGINE, '-binary', '-cades', '-nosmimecap',
      '-md', digest, '-in', file('content.bin'), '-signer', file('signer.pem'), '-inkey', file('key.pem'),
      ...chainArgs, '-outform', 'DER',
    ]);
    return stdout;
  });
}

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readEmbeddedSignatures } from '../pdf-signatures';

const run = promisify(execFile);

/**
 * Output of poppler's `pdfsig` (exit code ignored: it is non-zero for invalid signatures). With `trustedCaPem`
 * it checks the chain too, against a throw-away NSS database that trusts only that CA.
 */
export async function pdfsig(pdf: Buffer, trustedCaPem?: string): Promise<string> {
  return withFile(pdf, async (file) => {
    const dir = await mkdtemp(join(tmpdir(), 'eduplan-nss-'));
    try {
      const nss = trustedCaPem ? ['-nssdir', await nssTrusting(dir, trustedCaPem)] : [];
      const result = await run('pdfsig', [...nss, file]).catch((error: { stdout?: string; stderr?: string }) => ({
        stdout: error.stdout ?? '',
        stderr: error.stderr ?? '',
      }));
      return `${result.stdout}${result.stderr}`;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

async function nssTrusting(dir: string, caPem: string): Promise<string> {
  const database = `sql:${dir}`;
  await writeFile(join(dir, 'ca.pem'), caPem);
  await run('certutil', ['-N', '-d', database, '--empty-password']);
  await run('certutil', ['-A', '-d', database, '-n', 'eduplan-test-ca', '-t', 'CT,C,C', '-i', join(dir, 'ca.pem')]);
  return database;
}

/** `openssl cms -verify` with the gost engine over the signed byte ranges of the first signature. */
export async function opensslVerifyFirstSignature(pdf: Buffer, caPem: string): Promise<{ ok: boolean; output: string }> {
  const [signature] = readEmbeddedSignatures(pdf);
  const dir = await mkdtemp(join(tmpdir(), 'eduplan-signing-test-'));
  try {
    await writeFile(join(dir, 'content.bin'), signature.signedContent);
    await writeFile(join(dir, 'signature.der'), signature.cms);
    await writeFile(join(dir, 'ca.pem'), caPem);
    const args = ['cms', '-verify', '-engine', 'gost', '-inform', 'DER', '-in', join(dir, 'signature.der'), '-binary',
      '-content', join(dir, 'content.bin'), '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', '-out', join(dir, 'out.bin')];
    return await run('openssl', args).then(
      (result) => ({ ok: true, output: result.stderr }),
      (error: { stderr?: string }) => ({ ok: false, output: error.stderr ?? '' }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'eduplan-signing-test-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

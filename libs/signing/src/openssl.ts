import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Loads Debian's libengine-gost-openssl: ГОСТ keys, Streebog digests and CMS. */
export const GOST_ENGINE = ['-engine', 'gost'];

export interface OpensslResult {
  stdout: Buffer;
  stderr: string;
}

export class OpensslError extends Error {
  override name = 'OpensslError';

  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`openssl ${args[0]} завершился с ошибкой: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/**
 * Runs the openssl binary. Secrets go through `env` (`-passin env:NAME`), never
 * argv, so they do not show up in the process list.
 */
export function runOpenssl(args: string[], env: Record<string, string> = {}): Promise<OpensslResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'openssl',
      args,
      { encoding: 'buffer', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const stderrText = stderr.toString('utf8');
        if (error) reject(new OpensslError(args, stderrText || error.message));
        else resolve({ stdout, stderr: stderrText });
      },
    );
  });
}

/** A private scratch directory (mode 0700) removed afterwards, for keys and signed content. */
export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'eduplan-signing-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

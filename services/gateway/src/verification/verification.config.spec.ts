import { createDevCertificates } from '@eduplan/signing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@eduplan/platform';
import { verificationConfigSchema } from './verification.config';

jest.setTimeout(60_000);

describe('TRUSTED_ROOTS, checked when the gateway boots', () => {
  let dir: string;
  const load = (env: NodeJS.ProcessEnv) => () => loadConfig(verificationConfigSchema, env);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduplan-trusted-roots-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops the process naming the variable when a listed root cannot be read or holds no certificate', async () => {
    expect(load({ TRUSTED_ROOTS: join(dir, 'missing.pem') })).toThrow(`TRUSTED_ROOTS: ${join(dir, 'missing.pem')}: cannot be read (ENOENT)`);
    await writeFile(join(dir, 'notes.pem'), 'не сертификат');
    expect(load({ TRUSTED_ROOTS: join(dir, 'notes.pem') })).toThrow('TRUSTED_ROOTS: ' + join(dir, 'notes.pem') + ': holds no PEM certificate');
  });

  it('trusts the development CA when the variable is unset, and says how to get one when it is missing', async () => {
    const empty = join(dir, 'empty');
    expect(load({ CERTIFICATES_DIR: empty })).toThrow(/TRUSTED_ROOTS: .*ca-rsa\.crt\.pem: cannot be read \(ENOENT\) \(TRUSTED_ROOTS is not set.*npm run setup/);
    const certificates = await createDevCertificates(join(dir, 'dev'), { people: [] });
    expect(load({ CERTIFICATES_DIR: certificates.dir })().trustedRoots).toHaveLength(2);
    expect(load({ TRUSTED_ROOTS: ` ${certificates.authorities.RSA.certificate} ` })().trustedRoots).toHaveLength(1);
  });
});

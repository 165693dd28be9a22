import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCertificate } from './certificate';
import { loadPkcs12File } from './credentials';
import { createDevCertificates, DevCertificates } from './dev-certificates';

describe('createDevCertificates', () => {
  let dir: string;
  let first: DevCertificates;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduplan-dev-certificates-'));
    first = await createDevCertificates(dir, { password: 'секрет' });
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('issues RSA and ГОСТ CAs and the minister’s PKCS#12 and PEM files', async () => {
    expect(first.created).toHaveLength(10);
    const rsaCa = describeCertificate(await readFile(first.authorities.RSA.certificate, 'utf8'));
    expect(rsaCa.subject.text).toBe(
      'C=RU, ST=Тверская область, L=Тверь, O=Министерство образования Тверской области, CN=Тестовый удостоверяющий центр eduplan',
    );
    const [minister] = first.people;
    expect(minister.owner).toBe('Калинина Ольга Евгеньевна');
    for (const algorithm of ['RSA', 'GOST'] as const) {
      const credentials = await loadPkcs12File(minister.files[algorithm].pkcs12 as string, 'секрет');
      const info = describeCertificate(credentials.certificatePem);
      expect(info.algorithm).toBe(algorithm);
      expect(info.issuer.text).toBe(describeCertificate(await readFile(first.authorities[algorithm].certificate, 'utf8')).subject.text);
    }
    expect((await stat(minister.files.RSA.privateKey)).mode & 0o077).toBe(0);
  });

  it('keeps existing files and re-issues only what is missing', async () => {
    const before = await readFile(first.people[0].files.RSA.certificate, 'utf8');
    expect((await createDevCertificates(dir, { password: 'секрет' })).created).toEqual([]);
    await unlink(first.people[0].files.GOST.pkcs12 as string);
    const repaired = await createDevCertificates(dir, { password: 'секрет' });
    expect(repaired.created.map((file) => file.slice(dir.length + 1))).toEqual([
      'kalinina-gost.crt.pem',
      'kalinina-gost.key.pem',
      'kalinina-gost.p12',
    ]);
    expect(await readFile(first.people[0].files.RSA.certificate, 'utf8')).toBe(before);
  });
});

import { exportPkcs12 } from './certificate-authority';
import { loadPemCredentials, loadPkcs12 } from './credentials';
import { CertificatePasswordError } from './errors';
import { issueTestPki, TestPki } from './testing/test-certificates';

describe.each(['RSA', 'GOST'] as const)('%s credentials', (algorithm) => {
  let pki: TestPki;
  let pkcs12: Buffer;

  beforeAll(async () => {
    pki = await issueTestPki(algorithm);
    pkcs12 = await exportPkcs12(pki.person, [pki.authority.certificatePem], 'верный пароль', 'Калинина');
  });

  it('opens a PKCS#12 with its password, with the CA as chain', async () => {
    const credentials = await loadPkcs12(pkcs12, 'верный пароль', 'kalinina.p12');
    expect(credentials.algorithm).toBe(algorithm);
    expect(credentials.certificatePem).toBe(pki.person.certificatePem);
    expect(credentials.chainPem).toEqual([pki.authority.certificatePem]);
    expect(credentials.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });

  it('says the password is wrong in plain Russian', async () => {
    const attempt = loadPkcs12(pkcs12, 'неверный', 'kalinina.p12');
    await expect(attempt).rejects.toBeInstanceOf(CertificatePasswordError);
    await expect(attempt).rejects.toThrow('Неверный пароль сертификата kalinina.p12');
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const mismatched = { certificatePem: pki.person.certificatePem, privateKeyPem: pki.authority.privateKeyPem };
    await expect(loadPemCredentials(mismatched)).rejects.toThrow('Закрытый ключ не соответствует сертификату');
  });
});

import { parseCertificate } from './certificate';
import { issueCertificate } from './certificate-authority';
import { createRsaCms } from './cms-rsa';
import { loadPemCredentials, SigningCredentials } from './credentials';
import { DEV_PEOPLE } from './dev-certificates';
import { createPdfSigner } from './pdf-signer';
import { signPdfIncrementally } from './pdf-signature-field';
import { samplePdf } from './testing/sample-pdf';
import { issueTestPki, TestPki } from './testing/test-certificates';
import { verifyPdfSignatures } from './verify-pdf-signatures';

describe('verifyPdfSignatures', () => {
  let pki: TestPki;
  let otherRoot: string;
  let expired: SigningCredentials;
  let unsigned: Buffer;
  let signed: Buffer;

  beforeAll(async () => {
    pki = await issueTestPki('RSA');
    otherRoot = (await issueTestPki('RSA')).authority.certificatePem;
    const expiredPair = await issueCertificate({
      algorithm: 'RSA',
      subject: DEV_PEOPLE[0].subject,
      issuer: pki.authority,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validTo: new Date('2021-01-01T00:00:00Z'),
    });
    expired = await loadPemCredentials(expiredPair);
    unsigned = await samplePdf();
    signed = await createPdfSigner(await loadPemCredentials(pki.person)).sign(unsigned);
  });

  it('reports signer, serial, validity, signing time and algorithm', async () => {
    const before = Date.now();
    const report = await verifyPdfSignatures(signed);
    const [signature] = report.signatures;
    const certificate = parseCertificate(pki.person.certificatePem);
    expect(report.valid).toBe(true);
    expect(signature).toMatchObject({
      index: 1,
      algorithm: 'RSA',
      subFilter: 'ETSI.CAdES.detached',
      rangeExcludesOnlyContents: true,
      coversWholeFile: true,
      digestMatches: true,
      signatureValid: true,
      certificateValidAtSigningTime: true,
      certificateExpired: false,
      problems: [],
    });
    expect(signature.chainTrusted).toBeUndefined();
    expect(signature.certificate?.subject.commonName).toBe('Калинина Ольга Евгеньевна');
    expect(signature.certificate?.issuer.text).toContain('O=Министерство образования Тверской области');
    expect(signature.certificate?.serialNumber).toMatch(/^[0-9A-F]+$/);
    expect(signature.certificate?.validTo).toBe(certificate.notAfter.value.toISOString());
    expect(Date.parse(signature.signingTime ?? '')).toBeGreaterThan(before - 60_000);
  });

  it('rejects a chain that does not end in a trusted root', async () => {
    const report = await verifyPdfSignatures(signed, { trustedRoots: [otherRoot] });
    expect(report.valid).toBe(false);
    expect(report.signatures[0].chainTrusted).toBe(false);
    expect(report.problems[0]).toContain('не ведёт к доверенному корневому сертификату');
  });

  it('flags bytes appended after the signature', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% appended later\n')]);
    const report = await verifyPdfSignatures(appended);
    expect(report.valid).toBe(false);
    expect(report.signatures[0].coversWholeFile).toBe(false);
    expect(report.problems).toContain('После последней подписи в документ внесены изменения, не охваченные подписью');
  });

  it('says so when there is no signature at all', async () => {
    const report = await verifyPdfSignatures(unsigned);
    expect(report).toEqual({ valid: false, signatures: [], problems: ['В документе нет электронных подписей'] });
  });

  it('refuses to sign with an expired certificate', async () => {
    await expect(createPdfSigner(expired).sign(unsigned)).rejects.toThrow(
      /Подписание невозможно: Срок действия сертификата истёк 01\.01\.2021 \(Калинина Ольга Евгеньевна\)/,
    );
  });

  it('keeps a signature made while the certificate was valid, with an expiry warning', async () => {
    const signer = createPdfSigner(expired, { now: () => new Date('2020-06-01T09:00:00Z') });
    const report = await verifyPdfSignatures(await signer.sign(unsigned));
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ certificateExpired: true, certificateValidAtSigningTime: true });
    expect(report.signatures[0].warnings[0]).toMatch(/^Срок действия сертификата истёк 2021-01-01/);
  });

  it('reports an expired certificate at signing time as invalid', async () => {
    const signingTime = new Date('2022-03-01T09:00:00Z');
    const pdf = await signPdfIncrementally(
      unsigned,
      { subFilter: 'ETSI.CAdES.detached', signingTime, contentsSize: 8192 },
      (content) => createRsaCms(content, expired, signingTime),
    );
    const report = await verifyPdfSignatures(pdf);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({ signatureValid: true, certificateValidAtSigningTime: false });
    expect(report.signatures[0].problems).toEqual(['На момент подписания: Срок действия сертификата истёк 01.01.2021']);
  });

  it('reports an unreadable CMS instead of throwing', async () => {
    const text = signed.toString('latin1');
    const contentsStart = text.lastIndexOf('/Contents <') + '/Contents <'.length;
    const garbled = Buffer.from(signed);
    garbled.write('ffff', contentsStart, 'latin1');
    const report = await verifyPdfSignatures(garbled);
    expect(report.valid).toBe(false);
    expect(report.signatures[0].problems).toEqual(['Не удалось разобрать подпись CMS']);
  });
});

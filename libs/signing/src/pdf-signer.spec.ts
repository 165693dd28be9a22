import { loadPemCredentials } from './credentials';
import { createPdfSigner } from './pdf-signer';
import { readEmbeddedSignatures } from './pdf-signatures';
import { opensslVerifyFirstSignature, pdfsig } from './testing/external-tools';
import { samplePdf } from './testing/sample-pdf';
import { issueTestPki, TestPki } from './testing/test-certificates';
import { verifyPdfSignatures } from './verify-pdf-signatures';

/** Offset inside the first signed range: a byte of the `%âãÏÓ` header comment, harmless to parsers. */
const HEADER_BYTE = 10;

function flipByte(pdf: Buffer, offset: number): Buffer {
  const copy = Buffer.from(pdf);
  copy[offset] ^= 0x01;
  return copy;
}

describe('RSA PAdES signer', () => {
  let pki: TestPki;
  let unsigned: Buffer;
  let signed: Buffer;

  beforeAll(async () => {
    pki = await issueTestPki('RSA');
    unsigned = await samplePdf();
    const signer = createPdfSigner(await loadPemCredentials({ ...pki.person, chainPem: [pki.authority.certificatePem] }));
    signed = await signer.sign(unsigned, { reason: 'Подписание приказа', location: 'Тверь' });
  });

  it('appends an incremental update and leaves the original bytes intact', () => {
    expect(signed.subarray(0, unsigned.length).equals(unsigned)).toBe(true);
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
  });

  it('is valid for poppler, which prints the Cyrillic signer name and trusts the chain to our CA', async () => {
    const report = await pdfsig(signed, pki.authority.certificatePem);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    expect(report).toContain('Signer Certificate Common Name: Калинина Ольга Евгеньевна');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('keeps the Cyrillic issuer intact in the SignerInfo and certificate', async () => {
    const report = await verifyPdfSignatures(signed, { trustedRoots: [pki.authority.certificatePem] });
    expect(report.valid).toBe(true);
    const [signature] = report.signatures;
    expect(signature.algorithm).toBe('RSA');
    expect(signature.chainTrusted).toBe(true);
    expect(signature.certificate?.issuer.commonName).toBe('Тестовый удостоверяющий центр eduplan');
    expect(signature.certificate?.subject.attributes).toContainEqual({
      type: 'T',
      oid: '2.5.4.12',
      value: 'Министр образования Тверской области',
    });
  });

  it('one flipped byte in the signed range is invalid for pdfsig and for verifyPdfSignatures', async () => {
    const tampered = flipByte(signed, HEADER_BYTE);
    const popplerReport = await pdfsig(tampered);
    expect(popplerReport).not.toContain('Signature is Valid');
    expect(popplerReport).toMatch(/Digest Mismatch|Signature is Invalid/);
    const report = await verifyPdfSignatures(tampered);
    expect(report.valid).toBe(false);
    expect(report.signatures[0].digestMatches).toBe(false);
    expect(report.problems[0]).toContain('документ изменён после подписания');
  });

  it('adds a second signature that covers the first one', async () => {
    const signer = createPdfSigner(await loadPemCredentials(pki.person), { subFilter: 'adbe.pkcs7.detached' });
    const twice = await signer.sign(signed);
    const report = await verifyPdfSignatures(twice);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, true]);
    expect(report.signatures[0].warnings[0]).toContain('инкрементальное обновление');
    const popplerReport = await pdfsig(twice);
    expect(popplerReport.match(/Signature is Valid/g)).toHaveLength(2);
    expect(popplerReport).toContain('Signature Field Name: Signature2');
  });
});

describe('ГОСТ PAdES signer', () => {
  let pki: TestPki;
  let signed: Buffer;

  beforeAll(async () => {
    pki = await issueTestPki('GOST');
    const signer = createPdfSigner(await loadPemCredentials(pki.person));
    signed = await signer.sign(await samplePdf());
  });

  it('embeds a CMS that openssl with the gost engine verifies against the CA', async () => {
    const result = await opensslVerifyFirstSignature(signed, pki.authority.certificatePem);
    expect(result.output).toContain('Verification successful');
    expect(result.ok).toBe(true);
  });

  it('uses ГОСТ Р 34.11-2012 and 34.10-2012 in the SignerInfo', () => {
    const [signature] = readEmbeddedSignatures(signed);
    const cms = signature.cms.toString('hex');
    // DER of OIDs 1.2.643.7.1.1.2.2 (Streebog-256) and 1.2.643.7.1.1.1.1 (ГОСТ Р 34.10-2012 256).
    expect(cms).toContain('06082a85030701010202');
    expect(cms).toContain('06082a85030701010101');
  });

  it('is reported valid and trusted by verifyPdfSignatures', async () => {
    const report = await verifyPdfSignatures(signed, { trustedRoots: [pki.authority.certificatePem] });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ algorithm: 'GOST', digestMatches: true, signatureValid: true, chainTrusted: true });
    expect(report.signatures[0].certificate?.subject.commonName).toBe('Калинина Ольга Евгеньевна');
  });

  it('one flipped byte makes openssl and verifyPdfSignatures reject it', async () => {
    const tampered = flipByte(signed, HEADER_BYTE);
    expect((await opensslVerifyFirstSignature(tampered, pki.authority.certificatePem)).ok).toBe(false);
    const report = await verifyPdfSignatures(tampered);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]).toMatchObject({ digestMatches: false, signatureValid: false });
  });
});

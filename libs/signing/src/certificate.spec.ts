import * as asn1js from 'asn1js';
import { certificateStampInfo, describeCertificate, parseCertificate } from './certificate';
import { issueCertificate } from './certificate-authority';
import { DEV_PEOPLE } from './dev-certificates';
import { issueTestPki, TestPki } from './testing/test-certificates';

describe('certificates', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await issueTestPki('RSA');
  });

  it('encodes Cyrillic names as UTF8String', () => {
    const certificate = parseCertificate(pki.person.certificatePem);
    const [issuerCn] = certificate.issuer.typesAndValues.filter((entry) => entry.type === '2.5.4.3');
    expect(issuerCn.value).toBeInstanceOf(asn1js.Utf8String);
    expect(issuerCn.value.valueBlock.value).toBe('Тестовый удостоверяющий центр eduplan');
  });

  it('describes subject, issuer and algorithm with decoded strings', () => {
    const info = describeCertificate(pki.person.certificatePem);
    expect(info.algorithm).toBe('RSA');
    expect(info.subject.text).toBe(
      'C=RU, ST=Тверская область, L=Тверь, O=Министерство образования Тверской области, ' +
        'T=Министр образования Тверской области, SN=Калинина, G=Ольга Евгеньевна, ' +
        'CN=Калинина Ольга Евгеньевна, SNILS=00000000000',
    );
    expect(info.issuer.commonName).toBe('Тестовый удостоверяющий центр eduplan');
  });

  it('gives the stamp its serial, owner and validity dates in the issuer time zone', async () => {
    const pair = await issueCertificate({
      algorithm: 'GOST',
      subject: DEV_PEOPLE[0].subject,
      validFrom: new Date('2025-03-10T22:30:00Z'),
      validTo: new Date('2026-06-10T20:59:59Z'),
    });
    const stamp = certificateStampInfo(pair.certificatePem);
    expect(stamp).toEqual({
      certificateSerial: describeCertificate(pair.certificatePem).serialNumber,
      owner: 'Калинина Ольга Евгеньевна',
      validFrom: '2025-03-11',
      validTo: '2026-06-10',
    });
    expect(stamp.certificateSerial).toMatch(/^[0-9A-F]{2,32}$/);
    expect(certificateStampInfo(pair.certificatePem, 'UTC').validFrom).toBe('2025-03-10');
  });
});

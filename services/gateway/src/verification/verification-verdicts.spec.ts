import { documentVerification, type DocumentDto, type DocumentVerificationDto } from '@eduplan/contracts';
import { createPdfSigner, DEV_PEOPLE, issueCertificate, loadPemCredentials, sha256Hex, verifyPdfSignatures } from '@eduplan/signing';
import { issueTestPki, samplePdf, signClaimingTime, type TestPki } from '@eduplan/signing/testing';
import type { IssuedActDto } from './issued-act';
import { verificationPage } from './verification-page';

jest.setTimeout(60_000);

const act: IssuedActDto = {
  kind: 'Приказ',
  title: 'Об утверждении комплексного плана мероприятий',
  registrationNumber: '1083/ПК',
  registeredOn: '2025-08-28',
  issuer: 'Министерство образования Тверской области',
  status: 'in_force',
  inForce: true,
  statusText: 'действует',
};

describe('the public verdict on a PDF, with the trusted roots the gateway is configured with', () => {
  let pki: TestPki;
  let genuine: Buffer;
  let forged: Buffer;
  let backdated: Buffer;

  /** What the page and the API answer for these bytes, stored in the system or not. */
  const check = async (pdf: Buffer, stored: boolean): Promise<DocumentVerificationDto> => {
    const sha256 = sha256Hex(pdf);
    const document: DocumentDto | null = stored
      ? { id: '4f1c8a52-4c3e-4c5e-9f55-8d0b3f6c2a10', kind: 'order', subjectId: '0b8a4c8e-1d5e-4c43-9e0a-2f5d8e7c6b3a', version: 1, fileName: 'Приказ № 1083/ПК.pdf',
          contentType: 'application/pdf', sha256, size: pdf.length, signed: true, createdBy: 'eduplan-worker', createdAt: '2025-08-28T09:00:00.000Z' }
      : null;
    const signatures = await verifyPdfSignatures(pdf, { trustedRoots: [pki.authority.certificatePem] });
    return documentVerification({ sha256, size: pdf.length }, document, signatures);
  };
  const page = async (pdf: Buffer, stored: boolean) => verificationPage(await check(pdf, stored), 'upload', stored ? act : null);

  beforeAll(async () => {
    pki = await issueTestPki('RSA');
    const unsigned = await samplePdf();
    genuine = await createPdfSigner(await loadPemCredentials(pki.person)).sign(unsigned);
    // Anyone can make a certificate that names the minister; no trusted authority vouches for it.
    const selfMade = await issueCertificate({ algorithm: 'RSA', subject: DEV_PEOPLE[0].subject });
    forged = await createPdfSigner(await loadPemCredentials(selfMade)).sign(unsigned);
    const expired = await issueCertificate({
      algorithm: 'RSA',
      subject: DEV_PEOPLE[0].subject,
      issuer: pki.authority,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validTo: new Date('2021-01-01T00:00:00Z'),
    });
    backdated = await signClaimingTime(unsigned, await loadPemCredentials(expired), new Date('2022-03-01T09:00:00Z'));
  });

  it('calls a PDF signed with a self-made certificate in the minister\'s name untrusted, never authentic', async () => {
    expect((await check(forged, false)).verdict).toBe('untrusted');
    expect((await check(forged, true)).verdict).toBe('untrusted');
    const html = await page(forged, false);
    expect(html).toContain('Подпись сделана сертификатом, которому нельзя доверять');
    expect(html).toContain('Сертификат подписанта не ведёт к доверенному корневому сертификату');
    expect(html).toContain('Калинина Ольга Евгеньевна');
    expect(html).not.toContain('Документ подлинный');
    expect(html).not.toContain('файла нет в системе');
  });

  it('says a certificate that was not valid at the claimed signing time makes the signature invalid', async () => {
    expect((await check(backdated, false)).verdict).toBe('certificate_invalid');
    const html = await page(backdated, false);
    expect(html).toContain('Сертификат подписи не действовал в момент подписания');
    expect(html).toContain('На момент подписания: Срок действия сертификата истёк 01.01.2021');
  });

  it('tells a trusted signature on a file the system does not hold («файла нет в системе») from an authentic stored one', async () => {
    expect((await check(genuine, false)).verdict).toBe('unknown_file');
    expect(await page(genuine, false)).toContain('Подпись действительна, но файла нет в системе');
    expect((await check(genuine, true)).verdict).toBe('authentic');
  });

  it('calls a changed file modified', async () => {
    const tampered = Buffer.from(genuine);
    tampered[tampered.indexOf('stream') + 40] ^= 0x01;
    expect((await check(tampered, false)).verdict).toBe('modified');
  });

  it('shows a citizen the act: kind, title, number and date, issuing body, and whether it is in force', async () => {
    const html = await page(genuine, true);
    expect(html).toContain('Документ подлинный, подпись действительна');
    expect(html).toMatch(/Вид документа<\/th><td>Приказ</);
    expect(html).toMatch(/Заголовок<\/th><td>Об утверждении комплексного плана мероприятий</);
    expect(html).toMatch(/Номер и дата<\/th><td>№ 1083\/ПК от 28\.08\.2025</);
    expect(html).toMatch(/Издан<\/th><td>Министерство образования Тверской области</);
    expect(html).toMatch(/Действует ли<\/th><td><strong class="ok">действует</);
    const draft = verificationPage(await check(genuine, true), 'stored', { ...act, status: 'cancelled', inForce: false, statusText: 'не действует: отменён' });
    expect(draft).toMatch(/Действует ли<\/th><td><strong class="bad">не действует: отменён</);
  });
});

import type { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { DocumentRoutes, type ApprovalSheetInput, type RequestOf } from '@eduplan/contracts';
import { sampleFigures } from '@eduplan/pdf/testing';
import { samplePdf } from '@eduplan/signing/testing';
import { freePort, repoRoot, startNatsServer, type NatsServerProcess } from '@eduplan/infra';
import { BusClient, BusRequestError, databaseOptions, dropDatabase, ensureDatabase, natsOptions, runMigrations, startBusService, testDatabaseUrl } from '@eduplan/platform';
import {
  createDevCertificates,
  createPdfSigner,
  loadPemCredentials,
  DEV_AUTHORITY_SUBJECTS,
  DEV_CERTIFICATE_PASSWORD,
  DEV_PEOPLE,
  exportPkcs12,
  issueCertificate,
  sha256Hex,
  type DevCertificates,
} from '@eduplan/signing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { database } from './database';
import { registerDevSigners } from './register-dev-signers';

jest.setTimeout(120_000);

const databaseUrl = testDatabaseUrl(`documents_${randomBytes(4).toString('hex')}`);
const minister = { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр образования Тверской области' };

const plan: RequestOf<typeof DocumentRoutes.renderOrder>['plan'] = {
  title: 'Комплексный план мероприятий',
  period: { start: '2025-09-01', end: '2026-08-31' },
  sections: [
    {
      number: '1',
      title: 'Направление 1. Совместные мероприятия',
      directionCode: 1,
      events: [
        {
          number: '1.1',
          title: 'Хакатон «Цифровой прорыв»',
          content: null,
          audience: null,
          expectedResult: null,
          deadline: { raw: 'октябрь 2025 г.', kind: 'period', intervals: [{ start: '2025-10-01', end: '2025-10-31' }], recurrence: null, warnings: [] },
          responsible: [{ raw: 'Центры «IT-куб»', name: 'Центры «IT-куб»' }],
        },
      ],
    },
  ],
};

const orderRequest = (orderId: string, signer: typeof minister | null, title = 'Об утверждении комплексного плана мероприятий') => ({
  orderId,
  draft: signer === null,
  document: {
    kind: 'prikaz' as const,
    issuer: 'Министерство образования Тверской области',
    date: '2025-08-28',
    number: '1083/ПК',
    place: 'г. Тверь',
    title,
    basis: null,
    signatory: { position: minister.position, name: minister.name },
  },
  plan,
  signer,
  createdBy: 'eduplan-worker',
});

const sheet: ApprovalSheetInput = {
  documentTitle: 'Об утверждении комплексного плана мероприятий',
  documentDescription: 'Проект приказа, версия 1 (круг согласования 1)',
  timeZone: 'Europe/Moscow',
  stages: [
    {
      name: 'Правовое управление',
      decisions: [
        {
          approver: { name: 'И.И. Иванов', position: 'Начальник правового управления' },
          actingFor: null,
          decidedAt: '2025-08-20T10:00:00+03:00',
          result: 'approved',
          remarks: null,
          version: 1,
        },
      ],
    },
  ],
};

describe('documents service over NATS against PostgreSQL', () => {
  let nats: NatsServerProcess;
  let service: INestMicroservice;
  let bus: BusClient;
  let db: Client;
  let dir: string;
  let certificates: DevCertificates;

  const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('succeeded')), (e: BusRequestError) => e.payload);
  const rows = async () => Number((await db.query('SELECT count(*) AS n FROM documents.documents')).rows[0].n);
  /** A restarted service's subscription reaches the server a moment after it says it is ready. */
  const answering = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const answered = await bus.request(DocumentRoutes.checkSigner, { userId: 'kalinina', on: '2025-01-01' }).then(() => true, () => false);
      if (answered) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const startService = async () => {
    const { AppModule } = await import('./app.module');
    service = await startBusService('documents', AppModule);
  };
  /** A PKCS#12 with the minister's name that opens with the service's password, made by anyone: no CA of ours signed it. */
  const selfMadeContainer = async () => {
    const pair = await issueCertificate({ algorithm: 'RSA', subject: DEV_PEOPLE[0].subject });
    return exportPkcs12(pair, [], DEV_CERTIFICATE_PASSWORD, DEV_PEOPLE[0].subject.CN);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eduplan-documents-'));
    const certificatesDir = join(dir, 'a', 'b', 'c', 'certificates');
    // An authority old enough to have issued the certificate that expired in 2021 below.
    const authority = await issueCertificate({ algorithm: 'RSA', subject: DEV_AUTHORITY_SUBJECTS.RSA, isAuthority: true, validFrom: new Date('2019-01-01T00:00:00Z') });
    await mkdir(certificatesDir, { recursive: true });
    await writeFile(join(certificatesDir, 'ca-rsa.crt.pem'), authority.certificatePem);
    await writeFile(join(certificatesDir, 'ca-rsa.key.pem'), authority.privateKeyPem);
    certificates = await createDevCertificates(certificatesDir);
    await ensureDatabase(databaseUrl, { recreate: true });
    await runMigrations(databaseOptions(database, databaseUrl));
    await registerDevSigners(databaseUrl, certificates);
    const natsUrl = `nats://127.0.0.1:${await freePort()}`;
    nats = await startNatsServer(Number(new URL(natsUrl).port), join(repoRoot, '.data', 'test-logs', 'documents-integration-nats.log'));
    Object.assign(process.env, { DATABASE_URL: databaseUrl, ...nats.clientEnv('documents'), LOG_LEVEL: 'error', CERTIFICATES_DIR: certificatesDir });
    await startService();
    bus = new BusClient(ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(nats.clientEnv('gateway')) }), 60_000);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await bus?.onApplicationShutdown();
    await service?.close();
    await db?.end();
    await nats?.stop();
    await dropDatabase(databaseUrl);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a signatory id that walks out of the certificates folder, though a key lies where the path would lead', async () => {
    // Where `join(CERTIFICATES_DIR, userId + '-rsa.p12')` led: a container with the minister's name, outside the folder.
    await mkdir(join(dir, 'a', 'x'), { recursive: true });
    await writeFile(join(dir, 'a', 'x', 'evil-rsa.p12'), await selfMadeContainer());
    const before = await rows();
    const evil = { ...minister, userId: '../../../x/evil' };
    const refused = await failure(bus.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), evil)));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.message).toBe(
      'Нет зарегистрированного сертификата электронной подписи для О.Е. Калинина (пользователь «../../../x/evil»): ' +
        'зарегистрируйте сертификат подписанта (в разработке: npm run dev-certificates) или укажите в приказе другого подписанта',
    );
    expect(await rows()).toBe(before);
  });

  it('answers whether a signatory can sign on a day: registered and valid, unknown, expired', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await bus.request(DocumentRoutes.checkSigner, { userId: 'kalinina', on: today })).toEqual({ canSign: true, reason: null });
    expect(await bus.request(DocumentRoutes.checkSigner, { userId: 'petrov', on: today })).toEqual({
      canSign: false,
      reason: expect.stringMatching(/^Нет зарегистрированного сертификата электронной подписи для пользователя «petrov»/),
    });

    const authority = {
      certificatePem: await readFile(certificates.authorities.RSA.certificate, 'utf8'),
      privateKeyPem: await readFile(certificates.authorities.RSA.privateKey, 'utf8'),
    };
    const expired = await issueCertificate({
      algorithm: 'RSA',
      subject: { ...DEV_PEOPLE[0].subject, CN: 'Смирнов Пётр Ильич' },
      issuer: authority,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validTo: new Date('2021-01-01T00:00:00Z'),
    });
    const container = await exportPkcs12(expired, [authority.certificatePem], DEV_CERTIFICATE_PASSWORD, 'Смирнов');
    const signer = await bus.request(DocumentRoutes.registerSigner, { userId: 'smirnov', pkcs12Base64: container.toString('base64') });
    expect(signer).toMatchObject({ userId: 'smirnov', displayName: 'Смирнов Пётр Ильич', algorithm: 'RSA', validTo: '2021-01-01T00:00:00.000Z' });
    expect(signer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await bus.request(DocumentRoutes.checkSigner, { userId: 'smirnov', on: today })).toEqual({
      canSign: false,
      reason: 'Срок действия сертификата электронной подписи Смирнов Пётр Ильич истёк 01.01.2021: зарегистрируйте новый сертификат подписанта',
    });
    expect(await bus.request(DocumentRoutes.checkSigner, { userId: 'smirnov', on: '2020-06-01' })).toEqual({ canSign: true, reason: null });

    const before = await rows();
    const refused = await failure(bus.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), { ...minister, userId: 'smirnov' })));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('истёк 01.01.2021') });
    expect(await rows()).toBe(before);
  });

  it('refuses to register a container the service cannot open, saying so', async () => {
    const pair = await issueCertificate({ algorithm: 'RSA', subject: DEV_PEOPLE[0].subject });
    const container = await exportPkcs12(pair, [], 'другой пароль', 'x');
    const refused = await failure(bus.request(DocumentRoutes.registerSigner, { userId: 'other', pkcs12Base64: container.toString('base64') }));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'Неверный пароль сертификата подписанта other' });
  });

  it('signs an order once: a retry after the service restarted returns the stored signed PDF, same id and SHA-256', async () => {
    const orderId = randomUUID();
    const first = await bus.request(DocumentRoutes.renderOrder, orderRequest(orderId, minister));
    expect(first).toMatchObject({ kind: 'order', signed: true, version: 1 });

    // The service dies after storing (its answer lost), comes back, and the activity retries.
    await service.close();
    await startService();
    await answering();
    const retried = await bus.request(DocumentRoutes.renderOrder, orderRequest(orderId, minister));
    expect(retried).toEqual(first);
    const stored = await db.query('SELECT id, sha256, content FROM documents.documents WHERE subject_id = $1', [orderId]);
    expect(stored.rows).toHaveLength(1);
    expect(sha256Hex(stored.rows[0].content as Buffer)).toBe(first.sha256);

    const verification = await bus.request(DocumentRoutes.verify, { id: first.id });
    expect(verification).toMatchObject({ verdict: 'authentic', identical: true, signatures: { valid: true } });
    expect(verification.signatures.signatures[0]).toMatchObject({ chainTrusted: true, certificateValidAtSigningTime: true });
  });

  it('stores concurrent duplicate renderings once, and new content as the next version', async () => {
    const orderId = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => bus.request(DocumentRoutes.renderOrder, orderRequest(orderId, null))));
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    expect(new Set(results.map((d) => d.sha256)).size).toBe(1);

    const changed = await bus.request(DocumentRoutes.renderOrder, orderRequest(orderId, null, 'Об утверждении плана (новая редакция)'));
    expect(changed.version).toBe(2);
    expect(changed.id).not.toBe(results[0].id);
    expect((await db.query('SELECT count(*) AS n FROM documents.documents WHERE subject_id = $1', [orderId])).rows[0].n).toBe('2');
  });

  it('renders a memo of one period once however often the activity retries', async () => {
    const orderId = randomUUID();
    const periodId = randomUUID();
    const figures = sampleFigures() as unknown as Record<string, unknown>;
    const request = { orderId, periodId, kind: 'quarterly_memo' as const, figures, createdBy: 'eduplan-worker' };
    const [a, b] = await Promise.all([bus.request(DocumentRoutes.renderMemo, request), bus.request(DocumentRoutes.renderMemo, request)]);
    const c = await bus.request(DocumentRoutes.renderMemo, request);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const other = await bus.request(DocumentRoutes.renderMemo, { ...request, periodId: randomUUID() });
    expect(other.id).not.toBe(a.id);
  });

  it('renders the approval sheet for reading without storing anything, however often it is asked', async () => {
    const before = await rows();
    const files = await Promise.all(Array.from({ length: 100 }, () => bus.request(DocumentRoutes.previewApprovalSheet, { sheet })));
    expect(await rows()).toBe(before);
    const pdf = Buffer.from(files[0].base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files[0]).toMatchObject({ contentType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) });
  });

  it('refuses to register a signer whose certificate no trusted authority issued, though it bears the minister\'s name', async () => {
    const refused = await failure(bus.request(DocumentRoutes.registerSigner, { userId: 'impostor', pkcs12Base64: (await selfMadeContainer()).toString('base64') }));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.message).toMatch(
      /^Сертификат «Калинина Ольга Евгеньевна» \(издатель: .*CN=Калинина Ольга Евгеньевна.*\) не выдан доверенным удостоверяющим центром: подписанта можно зарегистрировать только с сертификатом, корневой сертификат которого указан в TRUSTED_ROOTS$/,
    );
    expect(await bus.request(DocumentRoutes.checkSigner, { userId: 'impostor', on: new Date().toISOString().slice(0, 10) })).toMatchObject({ canSign: false });
  });

  it('calls a stored file signed with a self-made certificate bearing the minister\'s name untrusted, not authentic', async () => {
    const selfMade = await issueCertificate({ algorithm: 'RSA', subject: DEV_PEOPLE[0].subject });
    const forged = await createPdfSigner(await loadPemCredentials(selfMade)).sign(await samplePdf());
    // Stored as a key outside the certificates folder once got it stored: a signed row like any other.
    const id = randomUUID();
    await db.query(
      `INSERT INTO documents.documents (id, kind, subject_id, version, file_name, content_type, sha256, size, content, signed, created_by)
       VALUES ($1, 'order', $2, 1, 'Приказ № 1.pdf', 'application/pdf', $3, $4, $5, true, 'eduplan-worker')`,
      [id, randomUUID(), sha256Hex(forged), forged.length, forged],
    );
    const verification = await bus.request(DocumentRoutes.verify, { id });
    expect(verification).toMatchObject({ verdict: 'untrusted', identical: true, signatures: { valid: false } });
    expect(verification.signatures.signatures[0]).toMatchObject({
      digestMatches: true,
      signatureValid: true,
      chainTrusted: false,
      certificate: { subject: { commonName: 'Калинина Ольга Евгеньевна' } },
    });
    expect(verification.signatures.problems.join(' ')).toContain('Сертификат подписанта не ведёт к доверенному корневому сертификату');
  });
});

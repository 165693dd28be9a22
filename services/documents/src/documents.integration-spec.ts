import type { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { DocumentRoutes, type Actor, type ApprovalSheetInput, type BusPrincipal, type RequestOf } from '@eduplan/contracts';
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
import type { MigrationInterface } from 'typeorm';
import { database } from './database';

jest.setTimeout(120_000);

const databaseUrl = testDatabaseUrl(`documents_${randomBytes(4).toString('hex')}`);
const ministry = randomUUID();
const minister = { personId: randomUUID() as string, name: 'О.Е. Калинина', position: 'Министр образования Тверской области' };

/** A person signed in, as the gateway puts them on a request: staff of `organizationId` holding `roles`. */
const staff = (organizationId: string | null, roles: Actor['roles'] = ['editor']): Actor => ({
  accountId: randomUUID(),
  login: `staff-${randomBytes(3).toString('hex')}`,
  name: 'Сотрудник',
  roles,
  organizationId,
  personId: null,
});
const editor = staff(ministry);
const stranger = staff(randomUUID());
const administrator = staff(null, ['admin']);

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
  issuerId: ministry,
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
  signedBy: signer && { accountId: randomUUID(), login: 'kalinina' },
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
  /** The bus as each caller sees it: the worker renders, the gateway reads for people, the command line registers signers. */
  let worker: BusClient;
  let gateway: BusClient;
  let cli: BusClient;
  let db: Client;
  let dir: string;
  let certificates: DevCertificates;

  const failure = (promise: Promise<unknown>) => promise.then(() => Promise.reject(new Error('succeeded')), (e: BusRequestError) => e.payload);
  const rows = async () => Number((await db.query('SELECT count(*) AS n FROM documents.documents')).rows[0].n);
  const busAs = (principal: BusPrincipal) =>
    new BusClient(ClientProxyFactory.create({ transport: Transport.NATS, options: natsOptions(nats.clientEnv(principal)) }), 60_000);
  const register = (personId: string, container: Buffer, password?: string) =>
    cli.request(DocumentRoutes.registerSigner, { personId, pkcs12Base64: container.toString('base64'), password });
  const auditRows = async (action: string) =>
    (await db.query('SELECT actor_login, object_id, before, after FROM documents.audit_log WHERE action = $1 ORDER BY seq', [action])).rows as {
      actor_login: string;
      object_id: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
    }[];
  /** A restarted service's subscription reaches the server a moment after it says it is ready. */
  const answering = async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const answered = await gateway.request(DocumentRoutes.checkSigner, { personId: minister.personId, on: '2025-01-01' }).then(() => true, () => false);
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
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await migrateWithRowsFromBefore();
    const natsUrl = `nats://127.0.0.1:${await freePort()}`;
    nats = await startNatsServer(Number(new URL(natsUrl).port), join(repoRoot, '.data', 'test-logs', 'documents-integration-nats.log'));
    Object.assign(process.env, { DATABASE_URL: databaseUrl, ...nats.clientEnv('documents'), LOG_LEVEL: 'error', CERTIFICATES_DIR: certificatesDir });
    await startService();
    [worker, gateway, cli] = [busAs('worker'), busAs('gateway'), busAs('cli')];
    await register(minister.personId, await readFile(certificates.people[0].files.RSA.pkcs12 as string));
  });

  /** A signer and a draft stored before signers were people and documents knew their issuer, then the later migrations. */
  async function migrateWithRowsFromBefore(): Promise<void> {
    const migrations = database.migrations as (new () => MigrationInterface)[];
    const before = migrations.findIndex((migration) => migration.name === 'SignersByPerson1765600000000');
    await runMigrations(databaseOptions({ ...database, migrations: migrations.slice(0, before) }, databaseUrl));
    const container = await readFile(certificates.people[0].files.RSA.pkcs12 as string);
    await db.query(
      `INSERT INTO documents.signers (user_id, display_name, algorithm, certificate_pem, pkcs12, fingerprint, valid_from, valid_to)
       VALUES ('kalinina', 'Калинина Ольга Евгеньевна', 'RSA', '', $1, $2, now(), now() + interval '1 year')`,
      [container, '0'.repeat(64)],
    );
    await db.query(
      `INSERT INTO documents.documents (id, kind, subject_id, version, file_name, content_type, sha256, size, content, signed, created_by)
       VALUES ($1, 'order', $2, 1, 'Проект приказа.pdf', 'application/pdf', $3, 4, '%PDF', false, 'eduplan-api')`,
      [legacyDraft, randomUUID(), '1'.repeat(64)],
    );
    await runMigrations(databaseOptions(database, databaseUrl));
  }
  const legacyDraft = randomUUID();

  afterAll(async () => {
    await Promise.all([worker, gateway, cli].map((bus) => bus?.onApplicationShutdown()));
    await service?.close();
    await db?.end();
    await nats?.stop();
    await dropDatabase(databaseUrl);
    await rm(dir, { recursive: true, force: true });
  });

  it('drops the signers of the user-id era (they named no one in the registry) and leaves an old unsigned document to administrators', async () => {
    expect((await db.query('SELECT person_id FROM documents.signers')).rows).toEqual([{ person_id: minister.personId }]);
    expect(await failure(gateway.request(DocumentRoutes.get, { id: legacyDraft, actor: editor }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await gateway.request(DocumentRoutes.get, { id: legacyDraft, actor: administrator })).toMatchObject({ id: legacyDraft, signed: false });
  });

  it('refuses to sign for a person with no registered certificate, and takes only a person id as the key', async () => {
    const before = await rows();
    const nobody = { ...minister, personId: randomUUID() };
    const refused = await failure(worker.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), nobody)));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.message).toBe(
      `Нет зарегистрированного сертификата электронной подписи для О.Е. Калинина (сотрудник ${nobody.personId}): зарегистрируйте сертификат подписанта ` +
        `(npm run -s eduplan -- signer add --person ${nobody.personId} --pkcs12 ФАЙЛ --password-stdin) или укажите в приказе другого подписанта`,
    );
    // Where a file path was once built from the id: no id but a registry person's is taken at all.
    await expect(worker.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), { ...minister, personId: '../../../x/evil' }))).rejects.toThrow(/UUID/);
    expect(await rows()).toBe(before);
  });

  it('answers whether a signatory can sign on a day: registered and valid, unknown, expired', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const petrov = randomUUID();
    expect(await gateway.request(DocumentRoutes.checkSigner, { personId: minister.personId, on: today })).toEqual({ canSign: true, reason: null });
    expect(await gateway.request(DocumentRoutes.checkSigner, { personId: petrov, on: today })).toEqual({
      canSign: false,
      reason: expect.stringMatching(new RegExp(`^Нет зарегистрированного сертификата электронной подписи для сотрудника ${petrov}`)),
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
    const smirnov = randomUUID();
    const signer = await register(smirnov, container);
    expect(signer).toMatchObject({ personId: smirnov, displayName: 'Смирнов Пётр Ильич', algorithm: 'RSA', validTo: '2021-01-01T00:00:00.000Z' });
    expect(signer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await gateway.request(DocumentRoutes.checkSigner, { personId: smirnov, on: today })).toEqual({
      canSign: false,
      reason: 'Срок действия сертификата электронной подписи Смирнов Пётр Ильич истёк 01.01.2021: зарегистрируйте новый сертификат подписанта',
    });
    expect(await gateway.request(DocumentRoutes.checkSigner, { personId: smirnov, on: '2020-06-01' })).toEqual({ canSign: true, reason: null });

    const before = await rows();
    const refused = await failure(worker.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), { ...minister, personId: smirnov })));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('истёк 01.01.2021') });
    expect(await rows()).toBe(before);
  });

  it('refuses a container it cannot open, and keeps one given with its own password under the service\'s, recording who registered it', async () => {
    const authority = {
      certificatePem: await readFile(certificates.authorities.RSA.certificate, 'utf8'),
      privateKeyPem: await readFile(certificates.authorities.RSA.privateKey, 'utf8'),
    };
    const pair = await issueCertificate({ algorithm: 'RSA', subject: { ...DEV_PEOPLE[0].subject, CN: 'Петров Пётр Петрович' }, issuer: authority });
    const container = await exportPkcs12(pair, [authority.certificatePem], 'пароль контейнера', 'Петров');
    const petrov = { personId: randomUUID(), name: 'П.П. Петров', position: 'Заместитель министра' };
    const refused = await failure(register(petrov.personId, container));
    expect(refused).toMatchObject({ code: 'VALIDATION', message: `Неверный пароль сертификата подписанта ${petrov.personId}` });

    await register(petrov.personId, container, 'пароль контейнера');
    await register(petrov.personId, container, 'пароль контейнера');
    const signed = await worker.request(DocumentRoutes.renderOrder, orderRequest(randomUUID(), petrov));
    expect(signed).toMatchObject({ signed: true });
    expect((await worker.request(DocumentRoutes.verify, { id: signed.id, actor: null })).signatures.signatures[0].certificate?.subject.commonName).toBe('Петров Пётр Петрович');

    const registrations = (await auditRows('signer.register')).filter((row) => row.object_id === petrov.personId);
    expect(registrations.map((row) => [row.actor_login, row.before === null, row.after.displayName])).toEqual([
      ['(командная строка)', true, 'Петров Пётр Петрович'],
      ['(командная строка)', false, 'Петров Пётр Петрович'],
    ]);
    const [signature] = (await auditRows('document.sign')).filter((row) => row.object_id === signed.id);
    expect(signature).toMatchObject({ actor_login: 'kalinina', after: { sha256: signed.sha256, signer: { personId: petrov.personId, name: 'П.П. Петров' } } });
  });

  it('signs an order once: a retry after the service restarted returns the stored signed PDF, same id and SHA-256', async () => {
    const orderId = randomUUID();
    const first = await worker.request(DocumentRoutes.renderOrder, orderRequest(orderId, minister));
    expect(first).toMatchObject({ kind: 'order', signed: true, version: 1 });

    // The service dies after storing (its answer lost), comes back, and the activity retries.
    await service.close();
    await startService();
    await answering();
    const retried = await worker.request(DocumentRoutes.renderOrder, orderRequest(orderId, minister));
    expect(retried).toEqual(first);
    const stored = await db.query('SELECT id, sha256, content FROM documents.documents WHERE subject_id = $1', [orderId]);
    expect(stored.rows).toHaveLength(1);
    expect(sha256Hex(stored.rows[0].content as Buffer)).toBe(first.sha256);
    expect((await auditRows('document.sign')).filter((row) => row.object_id === first.id)).toHaveLength(1);

    const verification = await gateway.request(DocumentRoutes.verify, { id: first.id, actor: null });
    expect(verification).toMatchObject({ verdict: 'authentic', identical: true, signatures: { valid: true } });
    expect(verification.signatures.signatures[0]).toMatchObject({ chainTrusted: true, certificateValidAtSigningTime: true });
  });

  it('stores concurrent duplicate renderings once, and new content as the next version', async () => {
    const orderId = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => worker.request(DocumentRoutes.renderOrder, orderRequest(orderId, null))));
    expect(new Set(results.map((d) => d.id)).size).toBe(1);
    expect(new Set(results.map((d) => d.sha256)).size).toBe(1);

    const changed = await worker.request(DocumentRoutes.renderOrder, orderRequest(orderId, null, 'Об утверждении плана (новая редакция)'));
    expect(changed.version).toBe(2);
    expect(changed.id).not.toBe(results[0].id);
    expect((await db.query('SELECT count(*) AS n FROM documents.documents WHERE subject_id = $1', [orderId])).rows[0].n).toBe('2');
  });

  it('renders a memo of one period once however often the activity retries', async () => {
    const orderId = randomUUID();
    const periodId = randomUUID();
    const figures = sampleFigures() as unknown as Record<string, unknown>;
    const request = { orderId, issuerId: ministry, periodId, kind: 'quarterly_memo' as const, figures, createdBy: 'eduplan-worker' };
    const [a, b] = await Promise.all([worker.request(DocumentRoutes.renderMemo, request), worker.request(DocumentRoutes.renderMemo, request)]);
    const c = await worker.request(DocumentRoutes.renderMemo, request);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const other = await worker.request(DocumentRoutes.renderMemo, { ...request, periodId: randomUUID() });
    expect(other.id).not.toBe(a.id);
  });

  it('renders the approval sheet for reading without storing anything, however often it is asked', async () => {
    const before = await rows();
    const files = await Promise.all(Array.from({ length: 100 }, () => gateway.request(DocumentRoutes.previewApprovalSheet, { sheet, actor: editor })));
    expect(await rows()).toBe(before);
    const pdf = Buffer.from(files[0].base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files[0]).toMatchObject({ contentType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf) });
  });

  it('refuses to register a signer whose certificate no trusted authority issued, though it bears the minister\'s name', async () => {
    const impostor = randomUUID();
    const refused = await failure(register(impostor, await selfMadeContainer()));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    expect(refused.message).toMatch(
      /^Сертификат «Калинина Ольга Евгеньевна» \(издатель: .*CN=Калинина Ольга Евгеньевна.*\) не выдан доверенным удостоверяющим центром: подписанта можно зарегистрировать только с сертификатом, корневой сертификат которого указан в TRUSTED_ROOTS$/,
    );
    expect(await gateway.request(DocumentRoutes.checkSigner, { personId: impostor, on: new Date().toISOString().slice(0, 10) })).toMatchObject({ canSign: false });
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
    const verification = await gateway.request(DocumentRoutes.verify, { id, actor: null });
    expect(verification).toMatchObject({ verdict: 'untrusted', identical: true, signatures: { valid: false } });
    expect(verification.signatures.signatures[0]).toMatchObject({
      digestMatches: true,
      signatureValid: true,
      chainTrusted: false,
      certificate: { subject: { commonName: 'Калинина Ольга Евгеньевна' } },
    });
    expect(verification.signatures.problems.join(' ')).toContain('Сертификат подписанта не ведёт к доверенному корневому сертификату');
  });

  it('serves a published (signed) document to anyone, and a draft or a memo to its issuer\'s staff only: 401 without a session, 404 to another organization', async () => {
    const orderId = randomUUID();
    const draftOf = (id: string, actor: Actor) => {
      const { issuerId, document, plan: body } = orderRequest(id, null);
      return gateway.request(DocumentRoutes.renderDraft, { orderId: id, issuerId, document, plan: body, actor });
    };
    const draft = await draftOf(orderId, editor);
    expect(draft).toMatchObject({ signed: false, createdBy: editor.login });
    const memo = await worker.request(DocumentRoutes.renderMemo, {
      orderId, issuerId: ministry, periodId: randomUUID(), kind: 'quarterly_memo', figures: sampleFigures() as unknown as Record<string, unknown>, createdBy: 'eduplan-worker',
    });
    const signed = await worker.request(DocumentRoutes.renderOrder, orderRequest(orderId, minister));

    for (const unpublished of [draft, memo]) {
      expect(await failure(gateway.request(DocumentRoutes.get, { id: unpublished.id, actor: null }))).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: 'Документ не опубликован: его открывают сотрудники издавшей приказ организации — войдите в систему',
      });
      expect(await failure(gateway.request(DocumentRoutes.readChunk, { id: unpublished.id, offset: 0, length: 10, actor: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await failure(gateway.request(DocumentRoutes.verify, { id: unpublished.id, actor: null }))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await failure(gateway.request(DocumentRoutes.get, { id: unpublished.id, actor: stranger }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await failure(gateway.request(DocumentRoutes.readChunk, { id: unpublished.id, offset: 0, length: 10, actor: stranger }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await gateway.request(DocumentRoutes.get, { id: unpublished.id, actor: editor })).toEqual(unpublished);
      expect(await gateway.request(DocumentRoutes.get, { id: unpublished.id, actor: administrator })).toEqual(unpublished);
    }
    expect(await gateway.request(DocumentRoutes.get, { id: signed.id, actor: null })).toEqual(signed);
    expect((await gateway.request(DocumentRoutes.readChunk, { id: signed.id, offset: 0, length: 5, actor: stranger })).base64).toBe(Buffer.from('%PDF-').toString('base64'));

    const kinds = async (actor: Actor) => (await gateway.request(DocumentRoutes.listForSubject, { subjectId: orderId, actor })).map((d) => d.kind).sort();
    expect(await kinds(editor)).toEqual(['order', 'order', 'quarterly_memo']);
    expect(await kinds(stranger)).toEqual(['order']);
    expect(await failure(draftOf(randomUUID(), stranger))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

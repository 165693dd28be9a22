import type { DocumentDto, DocumentVerificationDto, OrderDto, OrderWorkflowState, OrganizationDto, PlanDto } from '@eduplan/contracts';
import { addDays, formatRuDate, quarterBounds, quarterOf, type QuarterNumber } from '@eduplan/domain';
import { createPdfSigner, DEV_PEOPLE, issueCertificate, loadPemCredentials } from '@eduplan/signing';
import { pdfsig as pdfsigTrusting, samplePdf } from '@eduplan/signing/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { E2eSystem } from '../support/e2e-system';

jest.setTimeout(120_000);

const run = promisify(execFile);

/** The quarter before today's, so the plan is a plausible one for an order signed now. */
function lastQuarter() {
  const current = quarterOf(new Date().toISOString().slice(0, 10));
  const previous = quarterOf(addDays(quarterBounds(current.year, current.quarter).start, -1));
  return quarterBounds(previous.year, previous.quarter as QuarterNumber);
}

describe('documents over HTTP: approval sheet, draft, download, public verification', () => {
  let system: E2eSystem;
  let dir: string;
  let order: OrderDto;
  let signed: DocumentDto;
  let signedPdf: Buffer;
  const lawyer = { userId: 'ivanov', name: 'И.И. Иванов', position: 'Начальник правового управления' };
  const finance = {
    userId: 'sidorova',
    name: 'А.П. Сидорова',
    position: 'Начальник финансового отдела',
    substitutes: [{ userId: 'kuznetsov', name: 'П.С. Кузнецов', position: 'Заместитель начальника финансового отдела' }],
  };

  const download = async (path: string) => {
    const response = await fetch(`${system.baseUrl}${path}`);
    return { response, pdf: Buffer.from(await response.arrayBuffer()) };
  };
  const pdfText = async (pdf: Buffer, ...options: string[]) => {
    const file = join(dir, `text-${Date.now()}.pdf`);
    writeFileSync(file, pdf);
    return (await run('pdftotext', [...options, file, '-'])).stdout.replace(/\s+/g, ' ');
  };
  /** pdfsig trusting the development CA the system signs with, so it checks the chain as well. */
  const pdfsig = (pdf: Buffer) => pdfsigTrusting(pdf, readFileSync(join(system.env.CERTIFICATES_DIR!, 'ca-rsa.crt.pem'), 'utf8'));
  const upload = async (path: string, content: Buffer, name = 'order.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type: 'application/pdf' }), name);
    const response = await fetch(`${system.baseUrl}${path}`, { method: 'POST', body: form });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const stateWhen = (what: string, check: (s: OrderWorkflowState) => boolean) =>
    system.until(what, async () => {
      const s = await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`);
      return s.status === 200 && check(s.body) ? s.body : undefined;
    });
  const decide = async (userId: string, decision: string, comment?: string) =>
    expect((await system.http('POST', `/api/orders/${order.id}/decisions`, { userId, decision, comment, version: 1 })).status).toBe(201);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-documents-e2e-'));
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    const ministry = (
      await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования Тверской области',
        kind: 'ministry',
        timeZone: 'Europe/Moscow',
      })
    ).body;
    const quarter = lastQuarter();
    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий по поддержке центров «IT-куб»',
        issuerId: ministry.id,
        period: quarter,
        sections: [
          {
            number: '1',
            title: 'Направление 1. Совместные мероприятия',
            directionCode: 1,
            events: [{ number: '1.1', title: 'Хакатон «Цифровой прорыв»', deadline: formatRuDate(addDays(quarter.end, -3)), responsible: [{ name: 'Центры «IT-куб»' }] }],
          },
        ],
      })
    ).body;
    order = (
      await system.http<OrderDto>('POST', '/api/orders', {
        planId: plan.id,
        kind: 'prikaz',
        title: 'Об утверждении комплексного плана мероприятий по поддержке центров «IT-куб»',
        place: 'г. Тверь',
        signatory: { userId: 'kalinina', name: 'О.Е. Калинина', position: 'Министр образования Тверской области' },
      })
    ).body;
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to send a draft for approval, or to sign it, when its signatory has no registered certificate', async () => {
    const unsigned = (
      await system.http<OrderDto>('POST', '/api/orders', {
        planId: order.planId,
        kind: 'prikaz',
        title: 'Об утверждении плана без подписанта',
        signatory: { userId: 'petrov', name: 'П.П. Петров', position: 'Министр' },
      })
    ).body;
    const expected = {
      code: 'CONFLICT',
      message:
        'Подписание невозможно. Нет зарегистрированного сертификата электронной подписи для пользователя «petrov»: ' +
        'зарегистрируйте сертификат подписанта (в разработке: npm run dev-certificates) или укажите в приказе другого подписанта',
    };
    const submit = await system.http('POST', `/api/orders/${unsigned.id}/submit`, { route: [{ name: 'Правовое управление', approvers: [lawyer] }] });
    expect(submit).toMatchObject({ status: 409, body: expected });
    const sign = await system.http('POST', `/api/orders/${unsigned.id}/sign`, { userId: 'petrov' });
    expect(sign).toMatchObject({ status: 409, body: expected });
    expect((await system.http<OrderDto>('GET', `/api/orders/${unsigned.id}`)).body).toMatchObject({ status: 'draft', registrationNumber: null });
  });

  it('renders a draft with «ПРОЕКТ» and, once on its route, the approval sheet as its last page; new content is a new version, the same content the same document', async () => {
    const before = await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    expect(before.status).toBe(201);
    expect(before.body).toMatchObject({ kind: 'order', signed: false, version: 1, fileName: 'Проект приказа.pdf' });
    expect(await pdfText((await download(`/api/documents/${before.body.id}/content`)).pdf)).not.toContain('ЛИСТ СОГЛАСОВАНИЯ');
    expect((await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`)).body).toEqual(before.body);

    await system.http('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое и финансовое управления', approvers: [lawyer, finance] }],
    });
    await stateWhen('on approval', (s) => s.status === 'on_approval');
    await decide(lawyer.userId, 'approve_with_remarks', 'Уточнить срок в п. 1.1');
    const draft = await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    expect(draft.body.version).toBe(2);
    const { pdf } = await download(`/api/documents/${draft.body.id}/content`);
    expect((await pdfText(pdf, '-raw')).replace(/\s/g, '')).toContain('ПРОЕКТ');
    const text = await pdfText(pdf);
    expect(text).toContain('Хакатон «Цифровой прорыв»');
    const sheet = text.slice(text.indexOf('ЛИСТ СОГЛАСОВАНИЯ'));
    expect(sheet).toContain('Уточнить срок в п. 1.1');
    expect(sheet).toContain('Ожидает решения');
  });

  it('renders the approval sheet from the workflow with every decision, substitutes marked; reading it 100 times stores nothing', async () => {
    await decide('kuznetsov', 'approve');
    await stateWhen('signing', (s) => s.status === 'signing');
    const documentsBefore = (await system.http<DocumentDto[]>('GET', `/api/orders/${order.id}/documents`)).body;
    const { response, pdf } = await download(`/api/orders/${order.id}/approval-sheet`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-sha256')).toMatch(/^[0-9a-f]{64}$/);
    for (let i = 0; i < 99; i++) expect((await download(`/api/orders/${order.id}/approval-sheet`)).response.status).toBe(200);
    expect((await system.http<DocumentDto[]>('GET', `/api/orders/${order.id}/documents`)).body).toEqual(documentsBefore);
    const text = await pdfText(pdf);
    expect(text).toContain('ЛИСТ СОГЛАСОВАНИЯ');
    expect(text).toContain('И.И. Иванов');
    expect(text).toContain('Согласовано с замечаниями');
    expect(text).toMatch(/П\.С\. Кузнецов за: А\.П\. Сидорова \(Начальник финансового отдела\), замещающий Заместитель начальника финансового отдела/);
    expect(text).not.toContain('Ожидает решения');
  });

  it('streams the signed order as application/pdf with its Russian name (RFC 5987) and pdfsig finds the signature valid', async () => {
    expect((await system.http('POST', `/api/orders/${order.id}/sign`, { userId: 'kalinina' })).status).toBe(201);
    const state = await stateWhen('signed document', (s) => (s.orderDocumentId ? true : false));
    signed = (await system.http<DocumentDto>('GET', `/api/documents/${state.orderDocumentId}`)).body;
    expect(signed).toMatchObject({ signed: true, version: 3, fileName: `Приказ № ${state.registrationNumber}.pdf` });

    const { response, pdf } = await download(`/api/documents/${signed.id}/content`);
    signedPdf = pdf;
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-length')).toBe(String(signed.size));
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="order-3\.pdf"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(signed.fileName);

    const report = await pdfsig(pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Certificate is Trusted');
    expect(report).toContain('Калинина');
    expect(await pdfText(pdf)).toContain('ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ');
  });

  it('shows the public verification page of the stored document: signer, time, certificate, a valid signature', async () => {
    const page = await system.http<string>('GET', `/verify/${signed.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Документ подлинный, подпись действительна');
    expect(page.body).toContain('подпись действительна');
    expect(page.body).toMatch(/Издатель сертификата<\/th><td>[^<]*CN=Тестовый удостоверяющий центр eduplan/);
    expect(page.body).toMatch(/Подписал<\/th><td>Калинина Ольга Евгеньевна/);
    expect(page.body).toMatch(/Дата и время подписания<\/th><td>\d+ [а-я]+ \d{4}/);
    expect(page.body).toMatch(/Срок действия<\/th><td>с \d\d\.\d\d\.\d{4} по \d\d\.\d\d\.\d{4}/);
    const registered = (await system.http<OrderDto>('GET', `/api/orders/${order.id}`)).body;
    expect(page.body).toMatch(/Вид документа<\/th><td>Приказ</);
    expect(page.body).toContain(`Заголовок</th><td>Об утверждении комплексного плана мероприятий по поддержке центров «IT-куб»`);
    expect(page.body).toContain(`Номер и дата</th><td>№ ${registered.registrationNumber} от ${registered.registeredOn!.split('-').reverse().join('.')}`);
    expect(page.body).toContain('Издан</th><td>Министерство образования Тверской области');
    expect(page.body).toMatch(/Действует ли<\/th><td><strong class="ok">действует/);

    const json = await system.http<DocumentVerificationDto>('GET', `/api/documents/${signed.id}/verification`);
    expect(json.body).toMatchObject({ verdict: 'authentic', identical: true, sha256: signed.sha256, signatures: { valid: true }, act: { kind: 'Приказ', inForce: true } });
    expect(json.body.signatures.signatures[0].certificate?.serialNumber).toMatch(/^[0-9A-F]+$/);
  });

  it('says an uploaded copy is byte-identical and valid, and that one flipped byte makes it changed and invalid (pdfsig agrees)', async () => {
    const same = await upload('/verify', signedPdf);
    expect(same.status).toBe(200);
    expect(same.type).toContain('text/html');
    expect(same.text).toContain('Документ подлинный, подпись действительна');
    expect(same.text).toContain('да, побайтно');

    const tampered = Buffer.from(signedPdf);
    tampered[tampered.indexOf('stream') + 40] ^= 0x01;
    const changed = await upload('/verify', tampered);
    expect(changed.text).toContain('Файл изменён / подпись недействительна');
    expect(changed.text).toContain('подпись недействительна');
    const changedJson = await upload('/api/documents/verification', tampered);
    expect(JSON.parse(changedJson.text)).toMatchObject({ verdict: 'modified', identical: false, document: null, signatures: { valid: false } });
    expect(await pdfsig(tampered)).toMatch(/Signature is Invalid|Digest Mismatch/);
  });

  it('says a PDF signed with a self-made certificate in the minister\'s name is not to be trusted', async () => {
    const selfMade = await issueCertificate({ algorithm: 'RSA', subject: DEV_PEOPLE[0].subject });
    const forged = await createPdfSigner(await loadPemCredentials(selfMade)).sign(await samplePdf('Приказ № 1 «Об утверждении плана»'));
    const page = await upload('/verify', forged);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Подпись сделана сертификатом, которому нельзя доверять');
    expect(page.text).toContain('Калинина Ольга Евгеньевна');
    expect(page.text).not.toContain('Документ подлинный');
    const json = JSON.parse((await upload('/api/documents/verification', forged)).text) as DocumentVerificationDto;
    expect(json).toMatchObject({ verdict: 'untrusted', document: null, signatures: { valid: false } });
  });

  it('refuses uploads that are too large, missing or not PDF, and unknown documents, saying what to do', async () => {
    const large = await upload('/api/documents/verification', Buffer.alloc(50 * 1024 * 1024 + 1, 0x25));
    expect(large.status).toBe(413);
    expect(JSON.parse(large.text).message).toBe('Файл больше 50 МБ: загрузите PDF-документ размером не более 50 МБ');

    const notPdf = await upload('/verify', Buffer.from('просто текст'), 'note.txt');
    expect(notPdf.status).toBe(400);
    expect(notPdf.text).toContain('Файл «note.txt» — не PDF');

    const empty = await fetch(`${system.baseUrl}/api/documents/verification`, { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toMatch(/Выберите PDF-файл/);

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-document']) {
      const missing = await system.http<string>('GET', `/verify/${id}`);
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('Документ не найден: проверьте ссылку');
    }
  });
});

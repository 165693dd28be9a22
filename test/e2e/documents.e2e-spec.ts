import { natsClientEnv } from '@eduplan/infra';
import type { DocumentDto, DocumentVerificationDto, OrderDto, OrderWorkflowState, OrganizationDto, PersonDto, PlanDto } from '@eduplan/contracts';
import { addDays, formatRuDate, todayIn } from '@eduplan/domain';
import { createPdfSigner, DEV_CERTIFICATE_PASSWORD, DEV_PEOPLE, issueCertificate, loadPemCredentials } from '@eduplan/signing';
import { pdfsig as pdfsigTrusting, samplePdf } from '@eduplan/signing/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { E2eSystem } from '../support/e2e-system';
import { lastQuarter } from '../support/last-quarter';
import { runEduplanCli } from '../support/eduplan-cli';
import type { HttpSession } from '../support/http-session';

jest.setTimeout(180_000);

const run = promisify(execFile);


type Employee = { person: PersonDto; session: HttpSession };

describe('documents over HTTP: approval sheet, draft, download, public verification', () => {
  let system: E2eSystem;
  let dir: string;
  let ministry: OrganizationDto;
  let order: OrderDto;
  let hackathonId: string;
  let draft: DocumentDto;
  let signed: DocumentDto;
  let signedPdf: Buffer;
  let lawyer: Employee;
  let finance: Employee;
  let deputyOfFinance: Employee;
  let minister: Employee;
  /** The ministry's «today», which substitution dates are counted in. */
  const today = todayIn('Europe/Moscow', new Date());

  /** A file as a person gets it: with their session (the operator by default), or none. */
  const download = async (path: string, as: HttpSession | null = null) => {
    const response = as ? await as.fetch(path) : await (await system.operator()).fetch(path);
    return { response, pdf: Buffer.from(await response.arrayBuffer()) };
  };
  const anonymousDownload = async (path: string) => {
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
  const decide = (who: Employee, decision: string, extra: { comment?: string; actingFor?: string; remarks?: { eventId?: string; text: string }[] } = {}) =>
    who.session.http<{ code: string; message: string }>('POST', `/api/orders/${order.id}/decisions`, { decision, version: 1, ...extra });
  const substitute = async (absent: Employee, by: Employee, from: string, to: string) => {
    const created = await system.http('POST', `/api/people/${absent.person.id}/substitutions`, { substituteId: by.person.id, from, to, reason: 'отпуск' });
    expect(created.status).toBe(201);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eduplan-documents-e2e-'));
    system = await E2eSystem.start();
    await system.until('all services green', async () => ((await system.http('GET', '/health')).status === 200 ? true : undefined));
    ministry = (
      await system.http<OrganizationDto>('POST', '/api/organizations', {
        name: 'Министерство образования Тверской области',
        kind: 'ministry',
        timeZone: 'Europe/Moscow',
      })
    ).body;
    lawyer = await system.employee(ministry.id, 'Иванов Иван Иванович', ['approver'], { positionTitle: 'Начальник правового управления' });
    finance = await system.employee(ministry.id, 'Сидорова Анна Петровна', ['approver'], { positionTitle: 'Начальник финансового отдела' });
    deputyOfFinance = await system.employee(ministry.id, 'Кузнецов Павел Сергеевич', ['approver'], {
      position: 'deputy_head_of_department',
      positionTitle: 'Заместитель начальника финансового отдела',
    });
    minister = await system.employee(ministry.id, 'Калинина Ольга Евгеньевна', ['signatory'], { position: 'minister', positionTitle: 'Министр образования Тверской области' });
    await system.registerSigner(minister.person.id);
    const quarter = lastQuarter();
    const plan = (
      await system.http<PlanDto>('POST', '/api/plans', {
        title: 'Комплексный план мероприятий по поддержке центров «IT-куб»',
        issuerId: ministry.id,
        period: { start: quarter.start, end: quarter.end },
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
    hackathonId = plan.sections[0].events[0].id;
    order = (
      await system.http<OrderDto>('POST', '/api/orders', {
        planId: plan.id,
        kind: 'prikaz',
        title: 'Об утверждении комплексного плана мероприятий по поддержке центров «IT-куб»',
        place: 'г. Тверь',
        signatoryId: minister.person.id,
      })
    ).body;
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to send a draft for approval, or to sign it, while its signatory has no registered certificate; `eduplan signer add` ties one to them', async () => {
    const petrov = await system.employee(ministry.id, 'Петров Пётр Петрович', ['signatory'], { position: 'deputy_minister', positionTitle: 'Заместитель министра' });
    const unsigned = (
      await system.http<OrderDto>('POST', '/api/orders', { planId: order.planId, kind: 'prikaz', title: 'Об утверждении плана без подписанта', signatoryId: petrov.person.id })
    ).body;
    const expected = {
      code: 'CONFLICT',
      message:
        `Подписание невозможно (подписант П.П. Петров). Нет зарегистрированного сертификата электронной подписи для сотрудника ${petrov.person.id}: ` +
        `зарегистрируйте сертификат подписанта (npm run -s eduplan -- signer add --person ${petrov.person.id} --pkcs12 ФАЙЛ --password-stdin) или укажите в приказе другого подписанта`,
    };
    const route = [{ name: 'Правовое управление', approverIds: [lawyer.person.id] }];
    expect(await system.http('POST', `/api/orders/${unsigned.id}/submit`, { route })).toMatchObject({ status: 409, body: expected });
    expect(await petrov.session.http('POST', `/api/orders/${unsigned.id}/sign`)).toMatchObject({ status: 409, body: expected });
    expect((await system.http<OrderDto>('GET', `/api/orders/${unsigned.id}`)).body).toMatchObject({ status: 'draft', registrationNumber: null });

    const cli = await runEduplanCli(
      ['signer', 'add', '--person', petrov.person.id, '--pkcs12', join(system.env.CERTIFICATES_DIR!, 'kalinina-rsa.p12'), '--password-stdin'],
      { ...system.env, ...natsClientEnv(system.env.NATS_URL!, system.natsUsers, 'cli') },
      `${DEV_CERTIFICATE_PASSWORD}\n`,
    );
    expect(cli).toMatchObject({ code: 0, stdout: expect.stringContaining(`подписывает П.П. Петров, сотрудник ${petrov.person.id}`) });
    // The development certificate is the minister's: the operator is warned that the names differ.
    expect(cli.stderr).toContain('Внимание: владелец сертификата «Калинина Ольга Евгеньевна» не совпадает с ФИО сотрудника «Петров Пётр Петрович»');
    expect((await system.http('POST', `/api/orders/${unsigned.id}/submit`, { route })).status).toBe(202);
  });

  it('renders a draft with «ПРОЕКТ» and, once on its route, the approval sheet as its last page; new content is a new version, the same content the same document', async () => {
    const before = await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    expect(before.status).toBe(201);
    expect(before.body).toMatchObject({ kind: 'order', signed: false, version: 1, fileName: 'Проект приказа.pdf' });
    expect(await pdfText((await download(`/api/documents/${before.body.id}/content`)).pdf)).not.toContain('ЛИСТ СОГЛАСОВАНИЯ');
    expect((await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`)).body).toEqual(before.body);

    const submitted = await system.http('POST', `/api/orders/${order.id}/submit`, {
      route: [{ name: 'Правовое и финансовое управления', approverIds: [lawyer.person.id, finance.person.id] }],
    });
    expect(submitted.status).toBe(202);
    await stateWhen('on approval', (s) => s.status === 'on_approval' && s.rounds.length === 1);
    const unknownRow = randomUUID();
    expect(await decide(lawyer, 'approve_with_remarks', { comment: 'Уточнить срок в п. 1.1', remarks: [{ eventId: unknownRow, text: 'Указать площадку' }] })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', message: `Замечание 1: мероприятия ${unknownRow} нет в версии плана, которая на согласовании — укажите строку плана из проекта или оставьте замечание ко всему проекту` },
    });
    const remarks = [{ eventId: hackathonId, text: 'Указать площадку проведения хакатона' }, { text: 'Сверить финансирование с бюджетом' }];
    expect((await decide(lawyer, 'approve_with_remarks', { comment: 'Уточнить срок в п. 1.1', remarks })).status).toBe(201);
    // The order keeps each remark on the row it points at, named as the version under approval has it.
    const decided = await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`);
    expect(decided.body.stages[0].decisions).toEqual([
      expect.objectContaining({
        personId: lawyer.person.id,
        round: 1,
        remarks: [
          { eventId: hackathonId, row: '1.1. Хакатон «Цифровой прорыв»', text: 'Указать площадку проведения хакатона' },
          { eventId: null, row: null, text: 'Сверить финансирование с бюджетом' },
        ],
      }),
    ]);
    const second = await system.http<DocumentDto>('POST', `/api/orders/${order.id}/draft-pdf`);
    draft = second.body;
    expect(draft.version).toBe(2);
    const { pdf } = await download(`/api/documents/${draft.id}/content`);
    expect((await pdfText(pdf, '-raw')).replace(/\s/g, '')).toContain('ПРОЕКТ');
    const text = await pdfText(pdf);
    expect(text).toContain('Хакатон «Цифровой прорыв»');
    const sheet = text.slice(text.indexOf('ЛИСТ СОГЛАСОВАНИЯ'));
    expect(sheet).toContain('Уточнить срок в п. 1.1');
    expect(sheet).toContain('К строке 1.1. Хакатон «Цифровой прорыв»: Указать площадку проведения хакатона');
    expect(sheet).toContain('Сверить финансирование с бюджетом');
    expect(sheet).toContain('Ожидает решения');
  });

  it('keeps a draft from a visitor without a session (401) and from another ministry\'s editor (404), and serves it to the ministry\'s staff', async () => {
    const anonymous = await anonymousDownload(`/api/documents/${draft.id}/content`);
    expect(anonymous.response.status).toBe(401);
    expect(JSON.parse(anonymous.pdf.toString('utf8'))).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/^Документ не опубликован/) });
    expect((await system.anonymous('GET', `/api/documents/${draft.id}`)).status).toBe(401);

    const neighbour = (await system.http<OrganizationDto>('POST', '/api/organizations', { name: 'Министерство образования Новгородской области', kind: 'ministry', timeZone: 'Europe/Moscow' })).body;
    const strangerEditor = await system.signIn({ roles: ['editor'], organizationId: neighbour.id });
    expect((await download(`/api/documents/${draft.id}/content`, strangerEditor)).response.status).toBe(404);
    expect((await strangerEditor.http('GET', `/api/documents/${draft.id}`)).status).toBe(404);
    expect((await strangerEditor.http('POST', `/api/orders/${order.id}/draft-pdf`)).status).toBe(404);
    expect((await strangerEditor.http('GET', `/api/orders/${order.id}/documents`)).status).toBe(404);

    const own = await download(`/api/documents/${draft.id}/content`, lawyer.session);
    expect(own.response.status).toBe(200);
    expect(own.response.headers.get('x-content-sha256')).toBe(draft.sha256);
  });

  it('lets a substitute decide for an absent approver only on the days of the substitution, and the sheet says whom they stood in for; reading it 100 times stores nothing', async () => {
    // Kuznetsov stands in for Sidorova next month only: today he may not decide for her, and her stage waits.
    await substitute(finance, deputyOfFinance, addDays(today, 10), addDays(today, 20));
    const early = await decide(deputyOfFinance, 'approve', { actingFor: finance.person.id });
    expect(early).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: 'П.С. Кузнецов сегодня не замещает А.П. Сидорова: за отсутствующего согласующего решает только его замещающий и только в дни замещения' },
    });
    expect((await system.http<OrderWorkflowState>('GET', `/api/orders/${order.id}/state`)).body.stages[0]).toMatchObject({ status: 'active' });

    // Now she is away this week, and he stands in for her.
    await substitute(finance, deputyOfFinance, addDays(today, -1), addDays(today, 3));
    const decided = await decide(deputyOfFinance, 'approve');
    expect(decided.status).toBe(201);
    const signing = await stateWhen('signing', (s) => s.status === 'signing');
    expect(signing.stages[0].decisions.at(-1)).toMatchObject({
      personId: deputyOfFinance.person.id,
      name: 'П.С. Кузнецов',
      position: 'Заместитель начальника финансового отдела',
      actingFor: finance.person.id,
    });

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
    expect(text).toContain('К строке 1.1. Хакатон «Цифровой прорыв»: Указать площадку проведения хакатона');
    expect(text).toMatch(/П\.С\. Кузнецов за: А\.П\. Сидорова \(Начальник финансового отдела\), замещающий Заместитель начальника финансового отдела/);
    expect(text).not.toContain('Ожидает решения');

    // The plans service, which owns orders, has each decision in its audit log: who, and for whom a substitute acted.
    type Entries = { items: { actorLogin: string; actingFor: string | null; action: string; after: { decision?: string } }[] };
    const decisions = await system.until('the decisions in the audit log', async () => {
      const found = (await system.http<Entries>('GET', `/api/audit?service=plans&objectType=order&objectId=${order.id}`)).body.items.filter((e) => e.action === 'order.decide');
      return found.length === 2 ? found : undefined;
    });
    expect(decisions.map((e) => [e.actorLogin, e.actingFor, e.after.decision])).toEqual([
      [deputyOfFinance.session.actor!.login, finance.person.id, 'approve'],
      [lawyer.session.actor!.login, null, 'approve_with_remarks'],
    ]);
  });

  it('streams the signed order to anyone as application/pdf with its Russian name (RFC 5987) and pdfsig finds the signature valid', async () => {
    expect((await minister.session.http('POST', `/api/orders/${order.id}/sign`)).status).toBe(201);
    const state = await stateWhen('signed document', (s) => (s.orderDocumentId ? true : false));
    signed = (await system.anonymous<DocumentDto>('GET', `/api/documents/${state.orderDocumentId}`)).body;
    expect(signed).toMatchObject({ signed: true, version: 3, fileName: `Приказ № ${state.registrationNumber}.pdf`, createdBy: minister.session.actor!.login });

    const { response, pdf } = await anonymousDownload(`/api/documents/${signed.id}/content`);
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

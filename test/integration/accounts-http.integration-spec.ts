import { accountResponse, pageResponse, strictRequest, type AccountSummaryDto, type OrganizationDto, type Page, type PersonDto, type ServiceAuditEntryDto } from '@eduplan/contracts';
import { GatewaySystem } from '../support/gateway-system';
import { HttpSession, signInWithPassword } from '../support/http-session';

jest.setTimeout(180_000);

type Refusal = { code: string; message: string };

/**
 * The administrator's accounts over HTTP: an account made for a person of the registry signs in with its first
 * password; roles follow the person's organization; blocking ends the sessions; a new password replaces the
 * old; nobody but an administrator passes, and every change is in the audit log.
 */
describe('accounts and roles over HTTP', () => {
  let system: GatewaySystem;
  let admin: HttpSession;
  let ministry: OrganizationDto;
  let center: OrganizationDto;
  let analystPerson: PersonDto;
  let reporterPerson: PersonDto;

  const person = async (organizationId: string, fullName: string, position: string) =>
    (await admin.http<PersonDto>('POST', '/api/people', { organizationId, fullName, position })).body;
  const createAccount = (body: Record<string, unknown>) => admin.http<AccountSummaryDto & Refusal>('POST', '/api/accounts', body);

  beforeAll(async () => {
    system = await GatewaySystem.start('accounts_http', ['organizations']);
    admin = await system.signIn({ roles: ['admin'] });
    const organization = async (body: Record<string, unknown>) => (await admin.http<OrganizationDto>('POST', '/api/organizations', body)).body;
    ministry = await organization({ name: 'Министерство образования Тверской области', kind: 'ministry' });
    center = await organization({ name: 'Центр «Точка роста» МОУ СОШ № 1 г. Ржева', kind: 'center', centerType: 'tochka_rosta', issuerId: ministry.id });
    analystPerson = await person(ministry.id, 'Смирнова Анна Павловна', 'specialist');
    reporterPerson = await person(center.id, 'Кузнецов Илья Петрович', 'center_head');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('creates an account for a person of the registry that then signs in with its first password, and lists it', async () => {
    const created = await createAccount({ personId: analystPerson.id, login: 'smirnova', roles: ['analyst', 'editor'], password: 'первый-пароль-2025' });
    expect(created).toMatchObject({
      status: 201,
      body: { login: 'smirnova', name: 'Смирнова Анна Павловна', roles: ['analyst', 'editor'], organizationId: ministry.id, personId: analystPerson.id, active: true, hasPassword: true },
    });
    const session = await signInWithPassword(system.baseUrl, 'smirnova', 'первый-пароль-2025');
    expect(session).toBeInstanceOf(HttpSession);
    expect((session as HttpSession).actor).toMatchObject({ roles: ['analyst', 'editor'], organizationId: ministry.id, personId: analystPerson.id });

    const found = await admin.http<Page<AccountSummaryDto>>('GET', `/api/accounts?query=${encodeURIComponent('смирнова')}`);
    expect(found).toMatchObject({ status: 200, body: { total: 1, items: [{ id: created.body.id, organizationName: ministry.name }] } });
    expect(strictRequest(pageResponse(accountResponse)).safeParse(found.body)).toMatchObject({ success: true });
    expect((await admin.http<Page<AccountSummaryDto>>('GET', '/api/accounts?status=blocked')).body.total).toBe(0);
  });

  it('refuses a taken login, a second account for a person and roles the person\'s organization cannot hold, in Russian', async () => {
    expect(await createAccount({ personId: reporterPerson.id, login: 'SMIRNOVA', roles: ['reporter'], password: 'пароль-центра-2025' })).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', message: 'Логин «SMIRNOVA» уже занят: выберите другой' },
    });
    expect(await createAccount({ personId: analystPerson.id, login: 'smirnova2', roles: ['analyst'], password: 'первый-пароль-2025' })).toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('уже есть учётная запись «smirnova»') },
    });
    expect(await createAccount({ personId: reporterPerson.id, login: 'kuznetsov', roles: ['reporter', 'approver'], password: 'пароль-центра-2025' })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION', message: expect.stringContaining('«согласующий» даются сотрудникам министерства') },
    });
    const noSecret = await createAccount({ personId: reporterPerson.id, login: 'kuznetsov', roles: ['reporter'] });
    expect(noSecret).toMatchObject({ status: 400, body: { message: expect.stringContaining('укажите начальный пароль') } });
    // This gateway has no single sign-on configured, so a provider's subject alone cannot sign anyone in.
    const subjectOnly = await createAccount({ personId: reporterPerson.id, login: 'kuznetsov', roles: ['reporter'], oidcSubject: 'f3a1-kuznetsov' });
    expect(subjectOnly).toMatchObject({ status: 400, body: { message: expect.stringContaining('единый вход (OpenID Connect) не настроен') } });
    const list = await admin.http<Page<AccountSummaryDto>>('GET', '/api/accounts?query=kuznetsov');
    expect(list.body.total).toBe(0);
  });

  it('changes roles within the organization\'s rules, blocks (ending the sessions) and unblocks, sets a new password', async () => {
    const created = await createAccount({ personId: reporterPerson.id, login: 'kuznetsov', roles: ['reporter'], password: 'пароль-центра-2025' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const reporter = (await signInWithPassword(system.baseUrl, 'kuznetsov', 'пароль-центра-2025')) as HttpSession;
    expect((await reporter.http('GET', '/api/auth/me')).status).toBe(200);

    expect(await admin.http('PATCH', `/api/accounts/${id}`, { roles: ['analyst'] })).toMatchObject({ status: 400, body: { message: expect.stringContaining('не министерство') } });
    expect(await admin.http('PATCH', `/api/accounts/${id}`, { active: false })).toMatchObject({ status: 200, body: { active: false } });
    expect((await reporter.http('GET', '/api/auth/me')).status).toBe(401);
    expect(await signInWithPassword(system.baseUrl, 'kuznetsov', 'пароль-центра-2025')).toMatchObject({ status: 401 });

    expect(await admin.http('PATCH', `/api/accounts/${id}`, { active: true })).toMatchObject({ status: 200, body: { active: true } });
    expect(await admin.http('POST', `/api/accounts/${id}/password`, { password: 'новый-пароль-центра' })).toMatchObject({ status: 200, body: { id } });
    expect(await signInWithPassword(system.baseUrl, 'kuznetsov', 'пароль-центра-2025')).toMatchObject({ status: 401 });
    expect(await signInWithPassword(system.baseUrl, 'kuznetsov', 'новый-пароль-центра')).toBeInstanceOf(HttpSession);

    const audit = await admin.http<Page<ServiceAuditEntryDto>>('GET', `/api/audit?service=organizations&objectType=account&objectId=${id}`);
    const actions = audit.body.items.filter((entry) => entry.actorAccountId === admin.actor!.accountId).map((entry) => entry.action);
    expect(actions).toEqual(['account.password_reset', 'account.unblock', 'account.block', 'account.create']);
    expect(JSON.stringify(audit.body.items)).not.toContain('новый-пароль-центра');
  });

  it('keeps an administrator from blocking themselves, and everyone else out', async () => {
    expect(await admin.http('PATCH', `/api/accounts/${admin.actor!.accountId}`, { active: false })).toMatchObject({ status: 400, body: { message: expect.stringContaining('Нельзя заблокировать свою учётную запись') } });
    const editor = await system.signIn({ roles: ['editor'], organizationId: ministry.id });
    expect(await editor.http<Refusal>('GET', '/api/accounts')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await editor.http('POST', '/api/accounts', { personId: analystPerson.id, login: 'self-made', roles: ['admin'], password: 'пароль-самозванца' })).toMatchObject({ status: 403 });
    expect((await HttpSession.anonymous(system.baseUrl).http('GET', '/api/accounts')).status).toBe(401);
  });
});

import { Button, Select, Table, Text, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Account, Role } from '../../api/types';
import { ErrorMessage, QueryView, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { ROLE_LABEL } from '../../i18n/labels';
import { usePeople } from '../shared/queries';

const PAGE_SIZE = 50;
const ROLE_OPTIONS = Object.entries(ROLE_LABEL).map(([value, content]) => ({ value, content }));
const STATUS_OPTIONS = [
  { value: 'all', content: 'все' },
  { value: 'active', content: 'действующие' },
  { value: 'blocked', content: 'заблокированные' },
];
type Status = 'all' | 'active' | 'blocked';

const rolesText = (roles: Role[]) => roles.map((role) => ROLE_LABEL[role]).join(', ');
const signInText = (a: Account) => [a.hasPassword && 'пароль', a.oidcLinked && 'единый вход'].filter(Boolean).join(', ') || 'единый вход по адресу почты';

/**
 * «Учётные записи»: who may sign in and with which roles. The administrator finds an account by login or name,
 * creates one for a person of the registry, changes its roles, blocks it or sets a new password; the
 * organizations service checks every change against the person's organization and records it in the audit log.
 */
export default function AccountsPage() {
  const { values, page, set, setPage } = useUrlState(['query', 'status', 'accountId'] as const);
  const status = (values.status || 'all') as Status;
  const accounts = useQuery({
    queryKey: ['accounts', values.query, status, page],
    queryFn: () => ok(api.GET('/api/accounts', { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, status, ...(values.query ? { query: values.query } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const chosen = accounts.data?.items.find((a) => a.id === values.accountId);
  const columns = [
    { id: 'login', name: 'Логин', template: (a: Account) => a.login },
    { id: 'name', name: 'Сотрудник', template: (a: Account) => <>{a.name}{a.organizationName && <div className="muted">{a.organizationName}</div>}</> },
    { id: 'roles', name: 'Роли', template: (a: Account) => rolesText(a.roles) },
    { id: 'sign-in', name: 'Вход', template: signInText },
    { id: 'active', name: 'Состояние', template: (a: Account) => (a.active ? 'действует' : 'заблокирована') },
    {
      id: 'actions',
      name: 'Действия',
      template: (a: Account) => (
        <Button size="s" view="outlined" onClick={() => set({ accountId: a.id, query: values.query, status: values.status, page: page > 1 ? String(page) : '' })}>
          {`Изменить ${a.login}`}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageTitle title="Учётные записи">Учётные записи и роли</PageTitle>
      <div className="filters" role="search">
        <Field label="Логин или имя" id="accounts-query">
          <TextInput id="accounts-query" value={values.query} onUpdate={(query) => set({ query })} hasClear />
        </Field>
        <Field label="Состояние" id="accounts-status">
          <Select id="accounts-status" value={[status]} options={STATUS_OPTIONS} onUpdate={([value]) => set({ status: value === 'all' ? '' : (value ?? '') })} />
        </Field>
      </div>
      <section className="panel table-scroll" id="accounts-table">
        <QueryView query={accounts} loading="Загрузка учётных записей…">
          {(data) => (
            <>
              <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(a) => ({ id: a.id })} emptyMessage="Учётных записей не найдено" />
              <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryView>
      </section>
      {chosen && <AccountEditor key={chosen.id} account={chosen} onClose={() => set({ accountId: '', query: values.query, status: values.status, page: page > 1 ? String(page) : '' })} />}
      <AccountForm />
    </>
  );
}

/** Roles, blocking and a new password for one account. */
function AccountEditor({ account, onClose }: { account: Account; onClose: () => void }) {
  const client = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(account.roles);
  const [password, setPassword] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: ['accounts'] });
  const update = useMutation({
    mutationFn: (changes: { roles?: Role[]; active?: boolean }) => ok(api.PATCH('/api/accounts/{id}', { params: { path: { id: account.id } }, body: changes })),
    onSuccess: refresh,
  });
  const reset = useMutation({
    mutationFn: () => ok(api.POST('/api/accounts/{id}/password', { params: { path: { id: account.id } }, body: { password } })),
    onSuccess: () => {
      setPassword('');
      refresh();
    },
  });
  return (
    <section className="panel form-grid" id="account-editor" aria-labelledby="account-editor-title">
      <Text as="h2" variant="subheader-3" className="wide" id="account-editor-title">
        {`Учётная запись ${account.login} (${account.name})`}
      </Text>
      <Field label="Роли" id="account-roles" error={fieldError(update.error, 'roles')}>
        <Select id="account-roles" multiple width="max" value={roles} options={ROLE_OPTIONS} onUpdate={(chosen) => setRoles(chosen as Role[])} {...invalid(fieldError(update.error, 'roles'))} />
      </Field>
      <div className="actions wide" aria-live="polite">
        <Button view="action" loading={update.isPending && update.variables?.roles !== undefined} onClick={() => update.mutate({ roles })}>
          Сохранить роли
        </Button>
        <Button view={account.active ? 'outlined-danger' : 'outlined'} loading={update.isPending && update.variables?.active !== undefined} onClick={() => update.mutate({ active: !account.active })}>
          {account.active ? 'Заблокировать' : 'Разблокировать'}
        </Button>
        <Button view="flat" onClick={onClose}>
          Закрыть
        </Button>
        {update.isSuccess && <Success>{`Сохранено: ${rolesText(update.data.roles)}, ${update.data.active ? 'действует' : 'заблокирована'}`}</Success>}
      </div>
      {formLevelError(update.error, ['roles']) ? <div className="wide"><ErrorMessage error={formLevelError(update.error, ['roles'])} /></div> : null}
      <Field label="Новый пароль" id="account-password" error={fieldError(reset.error, 'password')} hint="не короче 10 символов; сессии учётной записи завершатся">
        <TextInput id="account-password" type="password" autoComplete="new-password" value={password} onUpdate={setPassword} {...invalid(fieldError(reset.error, 'password'))} />
      </Field>
      <div className="actions wide" aria-live="polite">
        <Button view="outlined" loading={reset.isPending} onClick={() => reset.mutate()}>
          Задать пароль
        </Button>
        {reset.isSuccess && <Success>Пароль задан</Success>}
        {formLevelError(reset.error, ['password']) ? <ErrorMessage error={formLevelError(reset.error, ['password'])} /> : null}
      </div>
    </section>
  );
}

/** A new account for a person of the registry: their name, e-mail and organization come from the registry. */
function AccountForm() {
  const client = useQueryClient();
  const organizations = useQuery({ queryKey: ['organizations-all'], queryFn: () => ok(api.GET('/api/organizations')) });
  const [organizationId, setOrganizationId] = useState('');
  const people = usePeople(organizationId);
  const [personId, setPersonId] = useState('');
  const [login, setLogin] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [oidcSubject, setOidcSubject] = useState('');
  const create = useMutation({
    mutationFn: () => ok(api.POST('/api/accounts', { body: { personId, login: login.trim(), roles, password: password || null, oidcSubject: oidcSubject.trim() || null } })),
    onSuccess: () => {
      setLogin('');
      setPassword('');
      setOidcSubject('');
      void client.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (path: string) => fieldError(create.error, path);
  const rest = formLevelError(create.error, ['personId', 'login', 'roles', 'password', 'oidcSubject']);
  return (
    <form id="account-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        Новая учётная запись
      </Text>
      <Field label="Организация" id="account-organization">
        <Select
          id="account-organization"
          width="max"
          filterable
          value={organizationId ? [organizationId] : []}
          placeholder="Выберите организацию"
          loading={organizations.isPending}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, content: o.shortName ?? o.name }))}
          onUpdate={([id]) => {
            setOrganizationId(id ?? '');
            setPersonId('');
          }}
        />
      </Field>
      <Field label="Сотрудник" id="account-person" error={error('personId')}>
        <Select
          id="account-person"
          width="max"
          filterable
          value={personId ? [personId] : []}
          placeholder={organizationId ? 'Выберите сотрудника' : 'Сначала выберите организацию'}
          disabled={!organizationId}
          loading={people.isFetching}
          options={(people.data ?? []).map((p) => ({ value: p.id, content: p.fullName }))}
          onUpdate={([id]) => setPersonId(id ?? '')}
          {...invalid(error('personId'))}
        />
      </Field>
      <Field label="Логин" id="account-login" error={error('login')}>
        <TextInput id="account-login" value={login} onUpdate={setLogin} autoComplete="off" {...invalid(error('login'))} />
      </Field>
      <Field label="Роли" id="account-new-roles" error={error('roles')}>
        <Select id="account-new-roles" multiple width="max" value={roles} options={ROLE_OPTIONS} placeholder="Выберите роли" onUpdate={(chosen) => setRoles(chosen as Role[])} {...invalid(error('roles'))} />
      </Field>
      <Field label="Начальный пароль" id="account-new-password" error={error('password')} hint="не короче 10 символов; передайте его сотруднику">
        <TextInput id="account-new-password" type="password" autoComplete="new-password" value={password} onUpdate={setPassword} {...invalid(error('password'))} />
      </Field>
      <Field label="Идентификатор единого входа (sub)" id="account-oidc" error={error('oidcSubject')} hint="вместо пароля, если сотрудник входит через единый вход">
        <TextInput id="account-oidc" value={oidcSubject} onUpdate={setOidcSubject} {...invalid(error('oidcSubject'))} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide" aria-live="polite">
        <Button type="submit" view="action" loading={create.isPending}>
          Создать учётную запись
        </Button>
        {create.isSuccess && <Success>{`Создана: ${create.data.login} (${create.data.name})`}</Success>}
      </div>
    </form>
  );
}

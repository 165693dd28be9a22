import { Button, Select, Table, Text, TextInput } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Person } from '../../api/types';
import { ErrorMessage, QueryView, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { POSITION_LABEL } from '../../i18n/labels';

type Position = Person['position'];

/** An organization's staff: who may be chosen as approver or signatory, added and retired by the administrator. */
export default function PeoplePage() {
  const { values, set } = useUrlState(['organizationId'] as const);
  const organizations = useQuery({ queryKey: ['organizations-all'], queryFn: () => ok(api.GET('/api/organizations')) });
  const organizationId = values.organizationId;
  return (
    <>
      <PageTitle title="Сотрудники">Сотрудники и должности</PageTitle>
      <div className="filters">
        <Field label="Организация" id="people-organization">
          <Select
            id="people-organization"
            width="max"
            filterable
            value={organizationId ? [organizationId] : []}
            placeholder="Выберите организацию"
            loading={organizations.isPending}
            options={(organizations.data ?? []).map((o) => ({ value: o.id, content: o.shortName ?? o.name }))}
            onUpdate={([id]) => set({ organizationId: id ?? '' })}
          />
        </Field>
      </div>
      {organizationId ? (
        <>
          <Staff organizationId={organizationId} />
          <PersonForm organizationId={organizationId} />
        </>
      ) : (
        <p className="muted">Выберите организацию, чтобы увидеть её сотрудников.</p>
      )}
    </>
  );
}

function Staff({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const people = useQuery({ queryKey: ['people', organizationId, 'all'], queryFn: () => ok(api.GET('/api/organizations/{id}/people', { params: { path: { id: organizationId }, query: { status: 'all' } } })) });
  const retire = useMutation({
    mutationFn: (person: Person) => ok(api.PATCH('/api/people/{id}', { params: { path: { id: person.id } }, body: { active: !person.active } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['people', organizationId] }),
  });
  const columns = [
    { id: 'name', name: 'Ф. И. О.', template: (p: Person) => p.fullName },
    { id: 'position', name: 'Должность', template: (p: Person) => p.positionTitle ?? POSITION_LABEL[p.position] },
    { id: 'email', name: 'Эл. почта', template: (p: Person) => p.email ?? '—' },
    { id: 'active', name: 'Состояние', template: (p: Person) => (p.active ? 'работает' : 'уволен') },
    {
      id: 'actions',
      name: 'Действия',
      template: (p: Person) => (
        <Button size="s" view="outlined" onClick={() => retire.mutate(p)} loading={retire.isPending && retire.variables?.id === p.id}>
          {p.active ? 'Уволить' : 'Вернуть'}
        </Button>
      ),
    },
  ];
  return (
    <section className="panel table-scroll" id="people-table">
      <QueryView query={people}>{(list) => <Table width="max" wordWrap columns={columns} data={list} getRowDescriptor={(p) => ({ id: p.id })} emptyMessage="Сотрудников пока нет" />}</QueryView>
      {retire.isError && <ErrorMessage error={retire.error} />}
    </section>
  );
}

function PersonForm({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState<Position>('specialist');
  const [positionTitle, setPositionTitle] = useState('');
  const [email, setEmail] = useState('');
  const create = useMutation({
    mutationFn: () => ok(api.POST('/api/people', { body: { organizationId, fullName: fullName.trim(), position, positionTitle: positionTitle.trim() || null, email: email.trim() || null } })),
    onSuccess: () => {
      setFullName('');
      setPositionTitle('');
      setEmail('');
      void client.invalidateQueries({ queryKey: ['people', organizationId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (path: string) => fieldError(create.error, path);
  const rest = formLevelError(create.error, ['fullName', 'position', 'positionTitle', 'email']);
  return (
    <form id="person-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        Новый сотрудник
      </Text>
      <Field label="Фамилия, имя, отчество" id="person-name" error={error('fullName')}>
        <TextInput id="person-name" value={fullName} onUpdate={setFullName} placeholder="Калинина Ольга Евгеньевна" {...invalid(error('fullName'))} />
      </Field>
      <Field label="Должность" id="person-position" error={error('position')}>
        <Select id="person-position" width="max" value={[position]} options={Object.entries(POSITION_LABEL).map(([value, content]) => ({ value, content }))} onUpdate={([v]) => setPosition(v as Position)} />
      </Field>
      <Field label="Должность полностью" id="person-title" error={error('positionTitle')} hint="как в подписи: «Министр образования Тверской области»">
        <TextInput id="person-title" value={positionTitle} onUpdate={setPositionTitle} {...invalid(error('positionTitle'))} />
      </Field>
      <Field label="Эл. почта" id="person-email" error={error('email')}>
        <TextInput id="person-email" type="email" value={email} onUpdate={setEmail} {...invalid(error('email'))} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide" aria-live="polite">
        <Button type="submit" view="action" loading={create.isPending}>
          Добавить сотрудника
        </Button>
        {create.isSuccess && <Success>{`Добавлен: ${create.data.fullName}`}</Success>}
      </div>
    </form>
  );
}

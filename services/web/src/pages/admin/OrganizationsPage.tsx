import { Button, Select, Table, Text, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok } from '../../api/client';
import type { Organization } from '../../api/types';
import { ErrorMessage, QueryView, Success } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { fieldError, formLevelError, invalid } from '../../components/field-errors';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../../i18n/labels';
import { OrganizationImport } from './OrganizationImport';

const PAGE_SIZE = 50;
const TIME_ZONES: [string, string][] = [
  ['Europe/Kaliningrad', 'Калининград (МСК−1)'],
  ['Europe/Moscow', 'Москва (МСК)'],
  ['Europe/Samara', 'Самара (МСК+1)'],
  ['Asia/Yekaterinburg', 'Екатеринбург (МСК+2)'],
  ['Asia/Omsk', 'Омск (МСК+3)'],
  ['Asia/Novosibirsk', 'Новосибирск (МСК+4)'],
  ['Asia/Irkutsk', 'Иркутск (МСК+5)'],
  ['Asia/Yakutsk', 'Якутск (МСК+6)'],
  ['Asia/Vladivostok', 'Владивосток (МСК+7)'],
  ['Asia/Magadan', 'Магадан (МСК+8)'],
  ['Asia/Kamchatka', 'Камчатка (МСК+9)'],
];
type Kind = Organization['kind'];
type CenterType = NonNullable<Organization['centerType']>;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, content]) => ({ value, content }));

/** The registry: search and filters kept in the address, the list, one organization added by hand, a table imported. */
export default function OrganizationsPage() {
  const { values, page, set, setPage } = useUrlState(['query', 'kind', 'centerType', 'status'] as const);
  const list = useQuery({
    queryKey: ['organizations-search', values, page],
    queryFn: () =>
      ok(
        api.GET('/api/organizations/search', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              ...(values.query ? { query: values.query } : {}),
              ...(values.kind ? { kind: values.kind as Kind } : {}),
              ...(values.centerType ? { centerType: values.centerType as CenterType } : {}),
              status: (values.status || 'active') as 'active' | 'inactive' | 'all',
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const columns = [
    { id: 'name', name: 'Наименование', template: (o: Organization) => <>{o.name}{o.shortName && <div className="muted">{o.shortName}</div>}</> },
    { id: 'kind', name: 'Вид', template: (o: Organization) => <>{o.centerType ? CENTER_TYPE_LABEL[o.centerType] : ORGANIZATION_KIND_LABEL[o.kind]}{!o.active && <div className="muted">деактивирована</div>}</> },
    { id: 'inn', name: 'ИНН', template: (o: Organization) => o.inn ?? '—' },
    { id: 'timeZone', name: 'Часовой пояс', template: (o: Organization) => o.timeZone },
  ];
  return (
    <>
      <PageTitle title="Организации">Реестр организаций</PageTitle>
      <form id="organizations-filter" className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field label="Поиск по наименованию" id="org-query">
          <TextInput id="org-query" type="search" value={values.query} onUpdate={(query) => set({ query })} hasClear />
        </Field>
        <Field label="Вид" id="org-kind">
          <Select id="org-kind" width="max" value={[values.kind]} options={[{ value: '', content: 'все виды' }, ...options(ORGANIZATION_KIND_LABEL)]} onUpdate={([kind]) => set({ kind: kind ?? '' })} />
        </Field>
        <Field label="Тип центра" id="org-center-type">
          <Select id="org-center-type" width="max" value={[values.centerType]} options={[{ value: '', content: 'все типы' }, ...options(CENTER_TYPE_LABEL)]} onUpdate={([centerType]) => set({ centerType: centerType ?? '' })} />
        </Field>
        <Field label="Состояние" id="org-status">
          <Select id="org-status" width="max" value={[values.status || 'active']} options={[{ value: 'active', content: 'действующие' }, { value: 'inactive', content: 'деактивированные' }, { value: 'all', content: 'все' }]} onUpdate={([status]) => set({ status: status === 'active' ? '' : (status ?? '') })} />
        </Field>
      </form>
      <section className="panel table-scroll" aria-labelledby="organizations-title">
        <QueryView query={list} loading="Загрузка списка организаций…">
          {(data) => (
            <>
              <Text as="h2" variant="subheader-3" id="organizations-title">{`Организации (${data.total})`}</Text>
              <div id="organizations-table">
                <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(o) => ({ id: o.id })} emptyMessage="Организаций не найдено: добавьте министерство формой ниже или измените поиск." />
              </div>
              <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryView>
      </section>
      <CreationForm />
      <OrganizationImport />
    </>
  );
}

function CreationForm() {
  const client = useQueryClient();
  const ministries = useQuery({ queryKey: ['ministries'], queryFn: async () => (await ok(api.GET('/api/organizations/search', { params: { query: { kind: 'ministry', status: 'all', limit: 200 } } }))).items });
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [kind, setKind] = useState<Kind>('ministry');
  const [centerType, setCenterType] = useState<CenterType>('tochka_rosta');
  const [parentId, setParentId] = useState('');
  const [timeZone, setTimeZone] = useState('Europe/Moscow');
  const create = useMutation({
    mutationFn: () =>
      ok(api.POST('/api/organizations', { body: { name: name.trim(), shortName: shortName.trim() || null, kind, centerType: kind === 'center' ? centerType : null, parentId: parentId || null, timeZone } })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['organizations-search'] });
      void client.invalidateQueries({ queryKey: ['ministries'] });
      void client.invalidateQueries({ queryKey: ['organizations'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const error = (path: string) => fieldError(create.error, path);
  const rest = formLevelError(create.error, ['name', 'shortName', 'kind', 'centerType', 'parentId', 'timeZone']);
  return (
    <form id="organization-form" className="panel form-grid" onSubmit={submit} noValidate>
      <Text as="h2" variant="subheader-3" className="wide">
        Новая организация
      </Text>
      <Field label="Полное наименование" id="new-org-name" error={error('name')}>
        <TextInput id="new-org-name" name="name" value={name} onUpdate={setName} placeholder="Министерство образования Тверской области" {...invalid(error('name'))} />
      </Field>
      <Field label="Краткое наименование" id="new-org-short" error={error('shortName')}>
        <TextInput id="new-org-short" name="shortName" value={shortName} onUpdate={setShortName} placeholder="необязательно" {...invalid(error('shortName'))} />
      </Field>
      <Field label="Вид" id="new-org-kind" error={error('kind')}>
        <Select id="new-org-kind" width="max" value={[kind]} options={options(ORGANIZATION_KIND_LABEL)} onUpdate={([v]) => setKind(v as Kind)} />
      </Field>
      {kind === 'center' && (
        <Field label="Тип центра" id="new-org-center-type" error={error('centerType')}>
          <Select id="new-org-center-type" width="max" value={[centerType]} options={options(CENTER_TYPE_LABEL)} onUpdate={([v]) => setCenterType(v as CenterType)} />
        </Field>
      )}
      <Field label="Подчиняется" id="new-org-parent" error={error('parentId')}>
        <Select id="new-org-parent" width="max" value={[parentId]} options={[{ value: '', content: '— нет —' }, ...(ministries.data ?? []).map((m) => ({ value: m.id, content: m.shortName ?? m.name }))]} onUpdate={([v]) => setParentId(v ?? '')} />
      </Field>
      <Field label="Часовой пояс (определяет «сегодня» для сроков)" id="new-org-tz" error={error('timeZone')}>
        <Select id="new-org-tz" width="max" value={[timeZone]} options={TIME_ZONES.map(([value, content]) => ({ value, content }))} onUpdate={([v]) => setTimeZone(v ?? 'Europe/Moscow')} />
      </Field>
      {rest ? <div className="wide"><ErrorMessage error={rest} /></div> : null}
      <div className="actions wide" aria-live="polite">
        <Button type="submit" view="action" loading={create.isPending}>
          Создать
        </Button>
        {create.isSuccess && <Success>{`Создано: ${create.data.name}`}</Success>}
      </div>
    </form>
  );
}

import { Table, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { formatDateTime } from '../../format';

const PAGE_SIZE = 50;
const shown = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

/** The append-only log of every state change: who, when, what, before and after; filters kept in the address. */
export default function AuditPage() {
  const { values, page, set, setPage } = useUrlState(['objectType', 'person', 'from', 'to'] as const);
  const entries = useQuery({
    queryKey: ['audit', values, page],
    queryFn: () =>
      ok(
        api.GET('/api/audit', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              ...(values.objectType ? { objectType: values.objectType } : {}),
              ...(values.person ? { person: values.person } : {}),
              ...(values.from ? { from: values.from } : {}),
              ...(values.to ? { to: values.to } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const columns = [
    { id: 'at', name: 'Когда', template: (e: AuditEntry) => formatDateTime(e.at) },
    { id: 'actor', name: 'Кто', template: (e: AuditEntry) => <>{e.actorLogin ?? 'система'}{e.actingFor && <div className="muted">{`за ${e.actingFor}`}</div>}</> },
    { id: 'action', name: 'Действие', template: (e: AuditEntry) => e.action },
    { id: 'object', name: 'Объект', template: (e: AuditEntry) => `${e.objectType}${e.objectId ? ` ${e.objectId}` : ''}` },
    { id: 'change', name: 'Было → стало', template: (e: AuditEntry) => <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{`${shown(e.before)} → ${shown(e.after)}`}</code> },
  ];
  return (
    <>
      <PageTitle title="Журнал действий">Журнал действий</PageTitle>
      <div className="filters" role="search">
        <Field label="Вид объекта" id="audit-object">
          <TextInput id="audit-object" value={values.objectType} onUpdate={(objectType) => set({ objectType })} placeholder="например, account" hasClear />
        </Field>
        <Field label="Кто (логин)" id="audit-person">
          <TextInput id="audit-person" value={values.person} onUpdate={(person) => set({ person })} hasClear />
        </Field>
        <Field label="С даты" id="audit-from">
          <DateInput id="audit-from" value={values.from} onChange={(from) => set({ from })} />
        </Field>
        <Field label="По дату" id="audit-to">
          <DateInput id="audit-to" value={values.to} onChange={(to) => set({ to })} />
        </Field>
      </div>
      <div className="table-scroll" id="audit-table">
        <QueryView query={entries} loading="Загрузка журнала…">
          {(data) => (
            <>
              <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(e) => ({ id: String(e.seq) })} emptyMessage="Записей не найдено" />
              <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
            </>
          )}
        </QueryView>
      </div>
    </>
  );
}

import { Select, Table } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Order } from '../../api/types';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { formatDate } from '../../format';
import { ORDER_KIND_LABEL } from '../../i18n/labels';
import { ExportButton } from '../../export/ExportButton';
import { IssuerSelect } from '../shared/IssuerSelect';
import { useMinistries } from '../shared/queries';

/**
 * The registration journal: registered orders by issuer, kind and year. The API has no journal route yet, so the
 * registered orders are picked from the order list (up to 200 per issuer).
 */
export default function JournalPage() {
  const { values, set } = useUrlState(['issuerId', 'kind', 'year'] as const);
  const ministries = useMinistries();
  const orders = useQuery({
    queryKey: ['journal', values.issuerId],
    queryFn: async () => (await ok(api.GET('/api/orders', { params: { query: { limit: 200, ...(values.issuerId ? { issuerId: values.issuerId } : {}) } } }))).items.filter((o) => o.registrationNumber),
  });
  const years = [...new Set((orders.data ?? []).map((o) => (o.registeredOn ?? '').slice(0, 4)).filter(Boolean))].sort().reverse();
  const rows = (orders.data ?? []).filter((o) => (!values.kind || o.kind === values.kind) && (!values.year || (o.registeredOn ?? '').startsWith(values.year)));
  const issuer = new Map((ministries.data ?? []).map((m) => [m.id, m.shortName ?? m.name]));
  const columns = [
    { id: 'number', name: 'Рег. №', template: (o: Order) => o.registrationNumber },
    { id: 'date', name: 'Дата', template: (o: Order) => (o.registeredOn ? formatDate(o.registeredOn) : '—') },
    { id: 'kind', name: 'Вид', template: (o: Order) => ORDER_KIND_LABEL[o.kind] },
    { id: 'title', name: 'Заголовок', template: (o: Order) => <Link to={`/orders/${o.id}`}>{o.title}</Link> },
    { id: 'issuer', name: 'Издатель', template: (o: Order) => issuer.get(o.issuerId) ?? '—' },
    { id: 'signatory', name: 'Подписал', template: (o: Order) => o.signatory.name },
  ];
  return (
    <>
      <PageTitle
        title="Журнал регистрации"
        after={
          <ExportButton
            id="journal-export"
            fileName={`журнал-регистрации${values.year ? `-${values.year}` : ''}.xlsx`}
            sheetName="Журнал регистрации"
            header={['Рег. №', 'Дата', 'Вид', 'Заголовок', 'Издатель', 'Подписал']}
            rows={async () => rows.map((o) => [o.registrationNumber, o.registeredOn ? formatDate(o.registeredOn) : null, ORDER_KIND_LABEL[o.kind], o.title, issuer.get(o.issuerId) ?? null, o.signatory.name])}
          />
        }
      >
        Журнал регистрации
      </PageTitle>
      <div className="filters" role="search">
        <IssuerSelect id="journal-issuer" value={values.issuerId} onChange={(issuerId) => set({ issuerId })} anyLabel="все издатели" />
        <Field label="Вид" id="journal-kind">
          <Select id="journal-kind" width="max" value={[values.kind]} options={[{ value: '', content: 'все' }, ...Object.entries(ORDER_KIND_LABEL).map(([value, content]) => ({ value, content }))]} onUpdate={([kind]) => set({ kind: kind ?? '' })} />
        </Field>
        <Field label="Год" id="journal-year">
          <Select id="journal-year" width="max" value={[values.year]} options={[{ value: '', content: 'все' }, ...years.map((y) => ({ value: y, content: y }))]} onUpdate={([year]) => set({ year: year ?? '' })} />
        </Field>
      </div>
      <div className="table-scroll" id="journal-table">
        <QueryView query={orders}>{() => <Table width="max" wordWrap columns={columns} data={rows} getRowDescriptor={(o) => ({ id: o.id })} emptyMessage="Зарегистрированных документов нет" />}</QueryView>
      </div>
    </>
  );
}

import { Select, Table } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Order, Query } from '../../api/types';
import { Field } from '../../components/Field';
import { SearchInput, SortSelect, YearSelect, type SortOption } from '../../components/ListControls';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { OrderStatusLabel } from '../../components/StatusLabel';
import { useUrlState } from '../../components/url-state';
import { formatDate, formatDateTime } from '../../format';
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL } from '../../i18n/labels';
import { IssuerSelect } from '../shared/IssuerSelect';
import { ExportButton } from '../../export/ExportButton';
import { everyPage } from '../../export/every-page';

const PAGE_SIZE = 25;

type OrdersQuery = Query<'/api/orders', 'get'>;

const SORTS: SortOption[] = [
  { sort: 'created', dir: 'desc', label: 'сначала новые' },
  { sort: 'created', dir: 'asc', label: 'сначала старые' },
  { sort: 'registered', dir: 'desc', label: 'по регистрации (последние первыми)' },
  { sort: 'registered', dir: 'asc', label: 'по регистрации (по порядку номеров)' },
  { sort: 'title', dir: 'asc', label: 'по заголовку (А–Я)' },
  { sort: 'status', dir: 'asc', label: 'по состоянию' },
];

/**
 * Every order of the issuers the person may see: searched in the title and the registration number, narrowed by
 * state, kind and year, ordered and paged by the server; the state of the list is kept in the address.
 */
export default function OrdersPage() {
  const { values, page, set, setPage } = useUrlState(['issuerId', 'status', 'kind', 'q', 'year', 'sort', 'dir'] as const);
  const filters: OrdersQuery = {
    ...(values.issuerId ? { issuerId: values.issuerId } : {}),
    ...(values.status ? { status: values.status as NonNullable<OrdersQuery['status']> } : {}),
    ...(values.kind ? { kind: values.kind as NonNullable<OrdersQuery['kind']> } : {}),
    ...(values.q.trim() ? { q: values.q.trim() } : {}),
    ...(values.year ? { year: Number(values.year) } : {}),
    ...(values.sort ? { sort: values.sort as NonNullable<OrdersQuery['sort']> } : {}),
    ...(values.dir ? { dir: values.dir as NonNullable<OrdersQuery['dir']> } : {}),
  };
  const fetchPage = (limit: number, offset: number) => ok(api.GET('/api/orders', { params: { query: { ...filters, limit, offset } } }));
  const orders = useQuery({
    queryKey: ['orders', filters, page],
    queryFn: () => fetchPage(PAGE_SIZE, (page - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  /** Every order the filters match, in the list's order, not only the page shown. */
  const exportRows = async () =>
    (await everyPage(fetchPage)).map((o) => [
      ORDER_KIND_LABEL[o.kind],
      o.title,
      ORDER_STATUS_LABEL[o.status],
      o.registrationNumber,
      o.registeredOn ? formatDate(o.registeredOn) : null,
      o.signatory.name,
      formatDateTime(o.createdAt),
    ]);
  const columns = [
    {
      id: 'title',
      name: 'Документ',
      template: (o: Order) => (
        <>
          <Link to={`/orders/${o.id}`}>{o.title}</Link>
          <div className="muted">{ORDER_KIND_LABEL[o.kind]}</div>
        </>
      ),
    },
    { id: 'status', name: 'Состояние', template: (o: Order) => <OrderStatusLabel status={o.status} /> },
    { id: 'registration', name: 'Регистрация', template: (o: Order) => (o.registrationNumber ? `№ ${o.registrationNumber}${o.registeredOn ? ` от ${formatDate(o.registeredOn)}` : ''}` : '—') },
    { id: 'signatory', name: 'Подписывает', template: (o: Order) => o.signatory.name },
    { id: 'createdAt', name: 'Создан', template: (o: Order) => formatDateTime(o.createdAt) },
  ];
  return (
    <>
      <PageTitle
        title="Приказы"
        after={<ExportButton id="orders-export" fileName="приказы.xlsx" sheetName="Приказы" header={['Вид', 'Заголовок', 'Состояние', 'Рег. №', 'Дата регистрации', 'Подписывает', 'Создан']} rows={exportRows} />}
      >
        Приказы и распоряжения
      </PageTitle>
      <div className="filters" role="search">
        <IssuerSelect id="orders-issuer" value={values.issuerId} onChange={(issuerId) => set({ issuerId })} anyLabel="все издатели" />
        <Field label="Состояние" id="orders-status">
          <Select
            id="orders-status"
            width="max"
            value={[values.status]}
            options={[{ value: '', content: 'все' }, ...Object.entries(ORDER_STATUS_LABEL).map(([value, content]) => ({ value, content }))]}
            onUpdate={([status]) => set({ status: status ?? '' })}
          />
        </Field>
        <Field label="Вид" id="orders-kind">
          <Select
            id="orders-kind"
            width="max"
            value={[values.kind]}
            options={[{ value: '', content: 'все' }, ...Object.entries(ORDER_KIND_LABEL).map(([value, content]) => ({ value, content }))]}
            onUpdate={([kind]) => set({ kind: kind ?? '' })}
          />
        </Field>
        <SearchInput id="orders-q" label="Заголовок или рег. №" value={values.q} onChange={(q) => set({ q })} />
        <YearSelect id="orders-year" value={values.year} onChange={(year) => set({ year })} />
        <SortSelect id="orders-sort" options={SORTS} sort={values.sort} dir={values.dir} onChange={(sort, dir) => set({ sort, dir })} />
      </div>
      <div id="orders-table" className="table-scroll">
        <QueryView query={orders} loading="Загрузка списка приказов…">
          {(data) =>
            data.total === 0 ? (
              <p className="muted">Приказов не найдено: измените поиск или фильтры; проект приказа создаётся на странице плана (вкладка «Приказ»).</p>
            ) : (
              <>
                <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(o) => ({ id: o.id })} />
                <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
              </>
            )
          }
        </QueryView>
      </div>
    </>
  );
}

import { Select, Table } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Order, OrderStatus } from '../../api/types';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { OrderStatusLabel } from '../../components/StatusLabel';
import { useUrlState } from '../../components/url-state';
import { formatDate, formatDateTime } from '../../format';
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL } from '../../i18n/labels';
import { IssuerSelect } from '../shared/IssuerSelect';
import { ExportButton } from '../../export/ExportButton';

const PAGE_SIZE = 25;

/** Every order, newest first, by issuer and status: where each stands and its registration number once it has one. */
export default function OrdersPage() {
  const { values, page, set, setPage } = useUrlState(['issuerId', 'status'] as const);
  const filters = { ...(values.issuerId ? { issuerId: values.issuerId } : {}), ...(values.status ? { status: values.status as OrderStatus } : {}) };
  const orders = useQuery({
    queryKey: ['orders', values.issuerId, values.status, page],
    queryFn: () => ok(api.GET('/api/orders', { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...filters } } })),
    placeholderData: keepPreviousData,
  });
  /** Every order the filters match (the API's largest page), not only the page shown. */
  const exportRows = async () =>
    (await ok(api.GET('/api/orders', { params: { query: { limit: 200, ...filters } } }))).items.map((o) => [
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
      </div>
      <div id="orders-table" className="table-scroll">
        <QueryView query={orders} loading="Загрузка списка приказов…">
          {(data) =>
            data.total === 0 ? (
              <p className="muted">Приказов не найдено: проект приказа создаётся на странице плана (вкладка «Приказ»).</p>
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

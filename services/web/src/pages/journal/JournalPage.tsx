import { Select, Table } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { Order, Query } from '../../api/types';
import { useMe } from '../../auth/use-me';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/Feedback';
import { YearSelect } from '../../components/ListControls';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { formatDate } from '../../format';
import { ORDER_KIND_LABEL } from '../../i18n/labels';
import { ExportButton } from '../../export/ExportButton';
import { everyPage } from '../../export/every-page';
import { IssuerSelect } from '../shared/IssuerSelect';

const PAGE_SIZE = 50;

type JournalQuery = Query<'/api/journal', 'get'>;

/**
 * The registration journal of an issuer (`GET /api/journal`): its registered acts by year, kind and number, as the
 * plans service keeps them; the person's own organization unless another is chosen (the service lets only an
 * issuer's staff read its journal).
 */
export default function JournalPage() {
  const me = useMe();
  const { values, page, set, setPage } = useUrlState(['issuerId', 'kind', 'year'] as const);
  const issuerId = values.issuerId || me.organization?.id || '';
  const filters: Omit<JournalQuery, 'issuerId'> = {
    ...(values.kind ? { kind: values.kind as NonNullable<JournalQuery['kind']> } : {}),
    ...(values.year ? { year: Number(values.year) } : {}),
  };
  const fetchPage = (limit: number, offset: number) => ok(api.GET('/api/journal', { params: { query: { issuerId, ...filters, limit, offset } } }));
  const journal = useQuery({
    queryKey: ['journal', issuerId, filters, page],
    queryFn: () => fetchPage(PAGE_SIZE, (page - 1) * PAGE_SIZE),
    enabled: issuerId !== '',
    placeholderData: keepPreviousData,
  });
  const row = (o: Order) => [o.registrationNumber, o.registeredOn ? formatDate(o.registeredOn) : null, ORDER_KIND_LABEL[o.kind], o.title, o.signatory.name];
  const columns = [
    { id: 'number', name: 'Рег. №', template: (o: Order) => o.registrationNumber },
    { id: 'date', name: 'Дата', template: (o: Order) => (o.registeredOn ? formatDate(o.registeredOn) : '—') },
    { id: 'kind', name: 'Вид', template: (o: Order) => ORDER_KIND_LABEL[o.kind] },
    { id: 'title', name: 'Заголовок', template: (o: Order) => <Link to={`/orders/${o.id}`}>{o.title}</Link> },
    { id: 'signatory', name: 'Подписал', template: (o: Order) => o.signatory.name },
  ];
  return (
    <>
      <PageTitle
        title="Журнал регистрации"
        after={
          issuerId && (
            <ExportButton
              id="journal-export"
              fileName={`журнал-регистрации${values.year ? `-${values.year}` : ''}.xlsx`}
              sheetName="Журнал регистрации"
              header={['Рег. №', 'Дата', 'Вид', 'Заголовок', 'Подписал']}
              rows={async () => (await everyPage(fetchPage)).map(row)}
            />
          )
        }
      >
        Журнал регистрации
      </PageTitle>
      <div className="filters" role="search">
        <IssuerSelect id="journal-issuer" value={issuerId} onChange={(chosen) => set({ issuerId: chosen })} />
        <Field label="Вид" id="journal-kind">
          <Select id="journal-kind" width="max" value={[values.kind]} options={[{ value: '', content: 'все' }, ...Object.entries(ORDER_KIND_LABEL).map(([value, content]) => ({ value, content }))]} onUpdate={([kind]) => set({ kind: kind ?? '' })} />
        </Field>
        <YearSelect id="journal-year" value={values.year} onChange={(year) => set({ year })} />
      </div>
      <div className="table-scroll" id="journal-table">
        {issuerId === '' ? (
          <p className="muted">Выберите издателя: журнал ведётся отдельно для каждой организации.</p>
        ) : (
          <QueryView query={journal}>
            {(data) => (
              <>
                <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(o) => ({ id: o.id })} emptyMessage="Зарегистрированных документов нет" />
                <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
              </>
            )}
          </QueryView>
        )}
      </div>
    </>
  );
}

import { Button, Label, Select, Table } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import type { Query, PlanSummary } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { Field } from '../../components/Field';
import { SearchInput, SortSelect, YearSelect, type SortOption } from '../../components/ListControls';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { formatDateTime, formatInterval } from '../../format';
import { PLAN_STATUS_LABEL } from '../../i18n/labels';
import { ExportButton } from '../../export/ExportButton';
import { everyPage } from '../../export/every-page';
import { IssuerSelect } from '../shared/IssuerSelect';

const PAGE_SIZE = 25;

type PlansQuery = Query<'/api/plans', 'get'>;

const SORTS: SortOption[] = [
  { sort: 'created', dir: 'desc', label: 'сначала новые' },
  { sort: 'created', dir: 'asc', label: 'сначала старые' },
  { sort: 'title', dir: 'asc', label: 'по названию (А–Я)' },
  { sort: 'title', dir: 'desc', label: 'по названию (Я–А)' },
  { sort: 'period', dir: 'desc', label: 'по периоду (поздние первыми)' },
  { sort: 'status', dir: 'asc', label: 'по состоянию' },
];

/**
 * Every plan of the issuers the person may see: searched by title, narrowed by year and state, ordered and paged by
 * the server, with all of it kept in the address so a reload or a link shows the same list.
 */
export default function PlansPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { values, page, set, setPage } = useUrlState(['issuerId', 'q', 'year', 'status', 'sort', 'dir'] as const);
  const filters: PlansQuery = {
    ...(values.issuerId ? { issuerId: values.issuerId } : {}),
    ...(values.q.trim() ? { q: values.q.trim() } : {}),
    ...(values.year ? { year: Number(values.year) } : {}),
    ...(values.status ? { status: values.status as NonNullable<PlansQuery['status']> } : {}),
    ...(values.sort ? { sort: values.sort as NonNullable<PlansQuery['sort']> } : {}),
    ...(values.dir ? { dir: values.dir as NonNullable<PlansQuery['dir']> } : {}),
  };
  const fetchPage = (limit: number, offset: number) => ok(api.GET('/api/plans', { params: { query: { ...filters, limit, offset } } }));
  const plans = useQuery({
    queryKey: ['plans', filters, page],
    queryFn: () => fetchPage(PAGE_SIZE, (page - 1) * PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(values.q.trim() || values.year || values.status);
  const columns = [
    { id: 'title', name: 'План', template: (p: PlanSummary) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
    { id: 'period', name: 'Период', template: (p: PlanSummary) => formatInterval(p.period) },
    { id: 'status', name: 'Состояние', template: (p: PlanSummary) => <Label>{PLAN_STATUS_LABEL[p.status ?? 'draft']}</Label> },
    { id: 'size', name: 'Разделов / мероприятий', template: (p: PlanSummary) => `${p.sectionCount} / ${p.eventCount}` },
    { id: 'version', name: 'Версия', template: (p: PlanSummary) => p.version },
    { id: 'createdAt', name: 'Создан', template: (p: PlanSummary) => formatDateTime(p.createdAt) },
  ];
  const exportRows = async () =>
    (await everyPage(fetchPage)).map((p) => [p.title, formatInterval(p.period), PLAN_STATUS_LABEL[p.status ?? 'draft'], p.sectionCount, p.eventCount, p.version, formatDateTime(p.createdAt)]);
  return (
    <>
      <PageTitle
        title="Планы"
        after={
          <>
            <ExportButton id="plans-export" fileName="планы.xlsx" sheetName="Планы" header={['План', 'Период', 'Состояние', 'Разделов', 'Мероприятий', 'Версия', 'Создан']} rows={exportRows} />
            {hasRole(me, 'editor', 'admin') && <Button view="action" onClick={() => navigate('/plans/import')}>Импортировать план</Button>}
          </>
        }
      >
        Планы мероприятий
      </PageTitle>
      <div className="filters" role="search">
        <IssuerSelect id="plans-issuer" value={values.issuerId} onChange={(issuerId) => set({ issuerId })} anyLabel="все издатели" />
        <SearchInput id="plans-q" label="Название содержит" value={values.q} onChange={(q) => set({ q })} />
        <YearSelect id="plans-year" value={values.year} onChange={(year) => set({ year })} />
        <Field label="Состояние" id="plans-status">
          <Select
            id="plans-status"
            width="max"
            value={[values.status]}
            options={[{ value: '', content: 'все' }, ...Object.entries(PLAN_STATUS_LABEL).map(([value, content]) => ({ value, content }))]}
            onUpdate={([status]) => set({ status: status ?? '' })}
          />
        </Field>
        <SortSelect id="plans-sort" options={SORTS} sort={values.sort} dir={values.dir} onChange={(sort, dir) => set({ sort, dir })} />
      </div>
      <div id="plans-table" className="table-scroll">
        <QueryView query={plans} loading="Загрузка списка планов…">
          {(data) =>
            data.total === 0 ? (
              <p className="muted">{filtered ? 'Планов с такими условиями нет: измените поиск или фильтры.' : 'Планов пока нет: импортируйте документ плана.'}</p>
            ) : (
              <>
                <Table width="max" wordWrap columns={columns} data={data.items} getRowDescriptor={(p) => ({ id: p.id })} />
                <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
              </>
            )
          }
        </QueryView>
      </div>
    </>
  );
}

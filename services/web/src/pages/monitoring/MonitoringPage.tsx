import { Link, Select, Text } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Order, OrderMonitoring } from '../../api/types';
import { everyPage } from '../../export/every-page';
import { Pager } from '../../components/Pager';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { CENTER_TYPE_LABEL, DOCUMENT_KIND_LABEL } from '../../i18n/labels';
import { useMonitoredOrders } from '../shared/monitored';
import { usePlan } from '../shared/queries';
import { Dynamics } from './Dynamics';
import { heldPercent } from './figures';
import { FiguresTable, ShareBar, type FiguresRow } from './FiguresTable';
import { today } from '../../format';
import { PeriodOverdue } from './PeriodOverdue';
import { PeriodReports } from './PeriodReports';

/**
 * The analyst's dashboard of one order under monitoring: its figures (see `Dashboard`), the reports themselves page
 * by page, and the memos and the справка to download. The chosen order, quarter and page are kept in the address.
 */
export default function MonitoringPage() {
  const { values, set } = useUrlState(['orderId', 'periodId'] as const);
  const monitored = useMonitoredOrders();
  const list = monitored.data ?? [];
  const chosen = list.find((order) => order.id === values.orderId) ?? list[0];
  return (
    <>
      <PageTitle title="Мониторинг">Мониторинг исполнения планов</PageTitle>
      {monitored.error ? <ErrorMessage error={monitored.error} /> : null}
      {monitored.isLoading && <Loading text="Загрузка приказов под мониторингом…" />}
      {monitored.data && list.length === 0 && <p className="muted">Действующих приказов под мониторингом нет.</p>}
      {list.length > 0 && (
        <div className="filters">
          <Field label="Приказ" id="monitoring-order">
            <Select id="monitoring-order" width="max" value={[chosen?.id ?? '']} options={list.map((order) => ({ value: order.id, content: `${order.registrationNumber ? `№ ${order.registrationNumber} ` : ''}${order.title}` }))} onUpdate={([orderId]) => set({ orderId: orderId ?? '', periodId: '' })} />
          </Field>
        </div>
      )}
      {chosen && <Dashboard order={chosen} />}
    </>
  );
}

const organizationRow = (o: OrderMonitoring['organizations']['items'][number]): FiguresRow => ({ key: o.organizationId, name: o.name ?? o.organizationId, counts: o });

const ORGANIZATIONS_PAGE = 25;
/** The choice «все кварталы»: no `periodId` in the address. */
const ALL = 'all';

const periodName = (p: { quarter: number; year: number }) => `${p.quarter} квартал ${p.year} г.`;

/**
 * The order's figures as the reporting service groups them (`GET /api/orders/{id}/monitoring`), for one quarter or
 * all of them, and below them each quarter's organizations and their reports.
 */
function Dashboard({ order }: { order: Order }) {
  const { values, page, set, setPage } = useUrlState(['orderId', 'periodId'] as const);
  const periodId = values.periodId;
  const plan = usePlan(order.planId);
  const fetchFigures = (limit: number, offset: number) =>
    ok(api.GET('/api/orders/{id}/monitoring', { params: { path: { id: order.id }, query: { ...(periodId ? { periodId } : {}), limit, offset } } }));
  const figures = useQuery({
    queryKey: ['order-monitoring', order.id, periodId, page],
    queryFn: () => fetchFigures(ORGANIZATIONS_PAGE, (page - 1) * ORGANIZATIONS_PAGE),
    placeholderData: keepPreviousData,
  });
  const documents = useQuery({ queryKey: ['order-documents', order.id, 'monitoring'], queryFn: () => ok(api.GET('/api/orders/{id}/documents', { params: { path: { id: order.id } } })) });
  const memos = (documents.data ?? []).filter((d) => d.kind === 'quarterly_memo' || d.kind === 'monitoring_memo');
  return (
    <>
      <QueryView query={figures} loading="Загрузка показателей…">
        {(data) => (
          <>
            {data.quarters.length > 0 && (
              <div className="filters">
                <Field label="Показатели за" id="monitoring-period">
                  <Select
                    id="monitoring-period"
                    value={[periodId || ALL]}
                    options={[{ value: ALL, content: 'все кварталы' }, ...data.quarters.map((q) => ({ value: q.periodId, content: periodName(q) }))]}
                    onUpdate={([value]) => set({ periodId: value === ALL ? '' : (value ?? '') })}
                  />
                </Field>
              </div>
            )}
            <Figures data={data} page={page} onPage={setPage} exportOrganizations={async () => (await everyPage(async (limit, offset) => (await fetchFigures(limit, offset)).organizations)).map(organizationRow)} />
            <section className="panel" id="monitoring-quarters" aria-labelledby="quarters-title">
              <Text as="h2" variant="subheader-3" id="quarters-title">
                Отчёты организаций по кварталам
              </Text>
              {data.quarters.length === 0 && <p className="muted">Отчётные периоды ещё не открывались.</p>}
              {data.quarters.map((q) => (
                <div key={q.periodId} className="period" data-period={`${q.year}-${q.quarter}`}>
                  <strong>{periodName(q)}</strong>
                  {q.deadline < today() && <PeriodOverdue orderId={order.id} periodId={q.periodId} />}
                  <PeriodReports orderId={order.id} periodId={q.periodId} plan={plan.data} />
                </div>
              ))}
            </section>
          </>
        )}
      </QueryView>
      <section className="panel" id="monitoring-memos" aria-labelledby="memos-title">
        <Text as="h2" variant="subheader-3" id="memos-title">
          Аналитические записки и справка
        </Text>
        <QueryView query={documents}>
          {() =>
            memos.length === 0 ? (
              <p className="muted">Записок пока нет: они появляются при закрытии квартала.</p>
            ) : (
              <ul>
                {memos.map((d) => (
                  <li key={d.id}>
                    <Link href={`/api/documents/${d.id}/content`} download={d.fileName}>{`${DOCUMENT_KIND_LABEL[d.kind]}, версия ${d.version} — ${d.fileName}`}</Link>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

/**
 * Totals, quarter by quarter, by direction, center type, municipality and organization (a page at a time, those
 * behind first); each table exports to .xlsx.
 */
function Figures({ data, page, onPage, exportOrganizations }: { data: OrderMonitoring; page: number; onPage: (page: number) => void; exportOrganizations: () => Promise<FiguresRow[]> }) {
  const chosen = data.quarters.find((q) => q.periodId === data.periodId);
  const suffix = chosen ? `${chosen.year}-${chosen.quarter}кв` : 'все-кварталы';
  const totals: [string, number][] = [
    ['Мероприятий к исполнению', data.total.planned],
    ['Проведено', data.total.held],
    ['Частично', data.total.partly],
    ['Не проведено', data.total.notHeld],
    ['Перенесено', data.total.postponed],
    ['Нет отчёта', data.total.unreported],
    ['Участников', data.total.participants],
  ];
  return (
    <>
      <section className="panel" id="monitoring-total" aria-labelledby="total-title">
        <Text as="h2" variant="subheader-3" id="total-title">
          {`Итоги: ${chosen ? periodName(chosen) : 'все кварталы'}`}
        </Text>
        <dl className="totals">
          {totals.map(([what, count]) => (
            <div key={what}>
              <dt>{what}</dt>
              <dd>{count}</dd>
            </div>
          ))}
        </dl>
        <ShareBar percent={heldPercent(data.total)} label={`исполнено ${heldPercent(data.total)}%`} />
      </section>
      <Dynamics quarters={data.quarters} />
      {/* One table a row: side by side at 1366 px the share column of a long direction name was cut off. */}
      <FiguresTable
        id="by-direction"
        title="По направлениям плана"
        what="Направление"
        fileName={`показатели-по-направлениям-${suffix}.xlsx`}
        rows={data.sections.map((s) => ({ key: s.sectionId ?? '', name: [s.number, s.title].filter(Boolean).join('. ') || 'без направления', counts: s }))}
      />
      <FiguresTable
        id="by-center-type"
        title="По типам центров"
        what="Тип центра"
        fileName={`показатели-по-типам-центров-${suffix}.xlsx`}
        rows={data.centerTypes.map((c) => ({ key: c.centerType ?? '', name: c.centerType ? (CENTER_TYPE_LABEL[c.centerType as keyof typeof CENTER_TYPE_LABEL] ?? c.centerType) : 'тип не указан', counts: c }))}
      />
      <FiguresTable
        id="by-municipality"
        title="По муниципалитетам"
        what="Муниципалитет"
        fileName={`показатели-по-муниципалитетам-${suffix}.xlsx`}
        rows={data.municipalities.map((m) => ({ key: m.municipalityId ?? '', name: m.name ?? (m.municipalityId ? 'муниципалитет не найден' : 'муниципалитет не указан'), counts: m }))}
      />
      <FiguresTable
        id="by-organization"
        title="По организациям (сначала отстающие)"
        what="Организация"
        fileName={`показатели-по-организациям-${suffix}.xlsx`}
        rows={data.organizations.items.map(organizationRow)}
        exportRows={exportOrganizations}
        footer={<Pager page={page} pageSize={ORGANIZATIONS_PAGE} shown={data.organizations.items.length} total={data.organizations.total} onPage={onPage} />}
      />
    </>
  );
}

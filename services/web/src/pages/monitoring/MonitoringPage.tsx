import { Link, Select, Text } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { OrderMonitoring } from '../../api/types';
import { everyPage } from '../../export/every-page';
import { Pager } from '../../components/Pager';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { CENTER_TYPE_LABEL, DOCUMENT_KIND_LABEL } from '../../i18n/labels';
import { useMonitoredOrders, type MonitoredOrder } from '../shared/monitored';
import { usePlan } from '../shared/queries';
import { Dynamics } from './Dynamics';
import { heldPercent } from './figures';
import { FiguresTable, ShareBar, type FiguresRow } from './FiguresTable';
import { PeriodReports } from './PeriodReports';

/**
 * The analyst's dashboard of one order under monitoring: its figures (see `Dashboard`), the reports themselves page
 * by page, and the memos and the справка to download. The chosen order, quarter and page are kept in the address.
 */
export default function MonitoringPage() {
  const { values, set } = useUrlState(['orderId'] as const);
  const monitored = useMonitoredOrders();
  const list = monitored.data ?? [];
  const chosen = list.find((m) => m.order.id === values.orderId) ?? list[0];
  return (
    <>
      <PageTitle title="Мониторинг">Мониторинг исполнения планов</PageTitle>
      {monitored.error ? <ErrorMessage error={monitored.error} /> : null}
      {monitored.isLoading && <Loading text="Загрузка приказов под мониторингом…" />}
      {monitored.data && list.length === 0 && <p className="muted">Действующих приказов под мониторингом нет.</p>}
      {list.length > 0 && (
        <div className="filters">
          <Field label="Приказ" id="monitoring-order">
            <Select id="monitoring-order" width="max" value={[chosen?.order.id ?? '']} options={list.map((m) => ({ value: m.order.id, content: `${m.order.registrationNumber ? `№ ${m.order.registrationNumber} ` : ''}${m.order.title}` }))} onUpdate={([orderId]) => set({ orderId: orderId ?? '' })} />
          </Field>
        </div>
      )}
      {chosen && <Dashboard monitored={chosen} />}
    </>
  );
}

const organizationRow = (o: OrderMonitoring['organizations']['items'][number]): FiguresRow => ({ key: o.organizationId, name: o.name ?? o.organizationId, counts: o });

const ORGANIZATIONS_PAGE = 25;

const periodName = (p: { quarter: number; year: number }) => `${p.quarter} квартал ${p.year} г.`;

/**
 * The order's figures as the reporting service groups them (`GET /api/orders/{id}/monitoring`): totals, quarter by
 * quarter, by direction, center type, municipality and organization (a page at a time, those behind first), for
 * one quarter or all of them; each table exports to .xlsx. Below, each quarter's organizations and their reports.
 */
function Dashboard({ monitored }: { monitored: MonitoredOrder }) {
  const { order, periods } = monitored;
  const { values, page, set, setPage } = useUrlState(['orderId', 'periodId'] as const);
  const periodId = periods.some((p) => p.id === values.periodId) ? values.periodId : '';
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
  const chosen = periods.find((p) => p.id === periodId);
  const suffix = chosen ? `${chosen.year}-${chosen.quarter}кв` : 'все-кварталы';
  return (
    <>
      {periods.length > 0 && (
        <div className="filters">
          <Field label="Показатели за" id="monitoring-period">
            <Select
              id="monitoring-period"
              value={[periodId]}
              options={[{ value: '', content: 'все кварталы' }, ...periods.map((p) => ({ value: p.id, content: periodName(p) }))]}
              onUpdate={([value]) => set({ periodId: value ?? '' })}
            />
          </Field>
        </div>
      )}
      <QueryView query={figures} loading="Загрузка показателей…">
        {(data) => (
          <>
            <section className="panel" id="monitoring-total" aria-labelledby="total-title">
              <Text as="h2" variant="subheader-3" id="total-title">
                {`Итоги: ${chosen ? periodName(chosen) : 'все кварталы'}`}
              </Text>
              <dl className="totals">
                <div><dt>Мероприятий к исполнению</dt><dd>{data.total.planned}</dd></div>
                <div><dt>Проведено</dt><dd>{data.total.held}</dd></div>
                <div><dt>Частично</dt><dd>{data.total.partly}</dd></div>
                <div><dt>Не проведено</dt><dd>{data.total.notHeld}</dd></div>
                <div><dt>Перенесено</dt><dd>{data.total.postponed}</dd></div>
                <div><dt>Нет отчёта</dt><dd>{data.total.unreported}</dd></div>
                <div><dt>Участников</dt><dd>{data.total.participants}</dd></div>
              </dl>
              <ShareBar percent={heldPercent(data.total)} label={`исполнено ${heldPercent(data.total)}%`} />
            </section>
            <Dynamics quarters={data.quarters} />
            <div className="two-columns">
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
            </div>
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
              exportRows={async () => (await everyPage(async (limit, offset) => (await fetchFigures(limit, offset)).organizations)).map(organizationRow)}
              footer={<Pager page={page} pageSize={ORGANIZATIONS_PAGE} shown={data.organizations.items.length} total={data.organizations.total} onPage={setPage} />}
            />
          </>
        )}
      </QueryView>
      <section className="panel" id="monitoring-quarters" aria-labelledby="quarters-title">
        <Text as="h2" variant="subheader-3" id="quarters-title">
          Отчёты организаций по кварталам
        </Text>
        {periods.length === 0 && <p className="muted">Отчётные периоды ещё не открывались.</p>}
        {periods.map((period) => (
          <div key={period.id} className="period" data-period={`${period.year}-${period.quarter}`}>
            <strong>{periodName(period)}</strong>
            <PeriodReports orderId={order.id} period={period} plan={plan.data} />
          </div>
        ))}
      </section>
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

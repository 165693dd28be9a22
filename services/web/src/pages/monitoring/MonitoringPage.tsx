import { Link, Select, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { Field } from '../../components/Field';
import { ErrorMessage, Loading, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useUrlState } from '../../components/url-state';
import { formatDate, today } from '../../format';
import { DOCUMENT_KIND_LABEL, PERIOD_STATUS_LABEL } from '../../i18n/labels';
import { useMonitoredOrders, type MonitoredOrder } from '../shared/monitored';
import { useOrganizationNames, usePlan } from '../shared/queries';
import { OrganizationReport } from '../reports/ReportView';
import { Breakdowns } from './Breakdowns';

/**
 * The coordinator's view of one order under monitoring: per quarter who reported and who is late (as a bar and a
 * list), and the memos and the справка to download. The chosen order is kept in the address.
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

function Dashboard({ monitored }: { monitored: MonitoredOrder }) {
  const names = useOrganizationNames();
  const { order, periods } = monitored;
  const plan = usePlan(order.planId);
  const documents = useQuery({ queryKey: ['order-documents', order.id, 'monitoring'], queryFn: () => ok(api.GET('/api/orders/{id}/documents', { params: { path: { id: order.id } } })) });
  const planEvents = new Map((plan.data?.sections ?? []).flatMap((section) => section.events.map((event) => [event.id, `${event.number ? `${event.number}. ` : ''}${event.title}`] as const)));
  const eventTitle = (eventId: string) => planEvents.get(eventId) ?? 'мероприятие плана';
  const memos = (documents.data ?? []).filter((d) => d.kind === 'quarterly_memo' || d.kind === 'monitoring_memo');
  return (
    <>
      <section className="panel" id="monitoring-quarters" aria-labelledby="quarters-title">
        <Text as="h2" variant="subheader-3" id="quarters-title">
          Сдача отчётов по кварталам
        </Text>
        {periods.length === 0 && <p className="muted">Отчётные периоды ещё не открывались.</p>}
        {periods.map((period) => {
          const submitted = period.expected.filter((e) => e.submitted).length;
          const share = period.expected.length ? Math.round((submitted / period.expected.length) * 100) : 0;
          const late = period.status === 'open' && period.deadline < today();
          return (
            <div key={period.id} className="period" data-period={`${period.year}-${period.quarter}`} style={{ marginBottom: 16 }}>
              <div>
                <strong>{`${period.quarter} квартал ${period.year} г.`}</strong>
                <span className="muted">{` · отчёт до ${formatDate(period.deadline)} · ${PERIOD_STATUS_LABEL[period.status]}`}</span>
              </div>
              <div role="img" aria-label={`Сдано ${submitted} из ${period.expected.length} (${share}%)`} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <div style={{ flex: '0 0 320px', height: 14, background: 'var(--g-color-base-generic)', borderRadius: 7, overflow: 'hidden' }}>
                  <div style={{ width: `${share}%`, height: '100%', background: 'var(--g-color-base-positive-heavy)' }} />
                </div>
                <span className="period-count">{`сдано ${submitted} из ${period.expected.length}`}</span>
              </div>
              <ul className="reporters">
                {period.expected.map((e) => (
                  <li key={e.organizationId} className={e.submitted ? 'ok' : late ? 'field-error' : 'warning'}>
                    {`${names.data?.get(e.organizationId) ?? e.organizationId}: ${e.submitted ? 'отчёт сдан' : late ? 'просрочен' : 'ждём отчёт'} (мероприятий: ${e.eventIds.length})`}
                    {e.submitted && <OrganizationReport periodId={period.id} organizationId={e.organizationId} name={eventTitle} />}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      {plan.data && <Breakdowns plan={plan.data} periods={periods} />}
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

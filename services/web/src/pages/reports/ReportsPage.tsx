import { Text } from '@gravity-ui/uikit';
import { useQueries } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { PlanEvent } from '../../api/types';
import { useMe } from '../../auth/use-me';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format';
import { useMonitoredOrders } from '../shared/monitored';
import { ReportForm } from './ReportForm';

/**
 * The center's reporter: its events of the open quarter and the report form; the periods it has already reported
 * on. Only the reporter's own organization is shown: another center's reports are never offered here.
 */
export default function ReportsPage() {
  const me = useMe();
  const organizationId = me.organization?.id;
  const monitored = useMonitoredOrders(Boolean(organizationId));
  const mine = (monitored.data ?? []).flatMap(({ order, periods }) =>
    periods.flatMap((period) => {
      const expected = period.expected.find((e) => e.organizationId === organizationId);
      return expected ? [{ order, period, expected }] : [];
    }),
  );
  const plans = useQueries({
    queries: [...new Set(mine.map((m) => m.period.planId))].map((planId) => ({
      queryKey: ['plan', planId],
      queryFn: () => ok(api.GET('/api/plans/{id}', { params: { path: { id: planId } } })),
    })),
  });
  const events = new Map<string, PlanEvent>(plans.flatMap((p) => (p.data?.sections ?? []).flatMap((s) => s.events.map((e): [string, PlanEvent] => [e.id, e]))));
  const open = mine.filter((m) => m.period.status === 'open' && !m.expected.submitted);
  const done = mine.filter((m) => m.expected.submitted);
  return (
    <>
      <PageTitle title="Отчёты центра">{`Отчёты: ${me.organization?.shortName ?? me.organization?.name ?? 'организация не указана'}`}</PageTitle>
      {!organizationId && <ErrorMessage error={new Error('Учётная запись не привязана к организации: попросите администратора указать её.')} />}
      {monitored.error ? <ErrorMessage error={monitored.error} /> : null}
      {monitored.isLoading && <Loading text="Поиск мероприятий вашей организации…" />}
      {monitored.data && open.length === 0 && <p className="muted">Сейчас отчитываться не о чем: открытых периодов с вашими мероприятиями нет.</p>}
      {open.map(({ order, period, expected }) => {
        const due = expected.eventIds.map((id) => events.get(id)).filter((e): e is PlanEvent => e !== undefined);
        return (
          <section key={period.id} className="panel" aria-label={`Мои мероприятия: ${period.quarter} квартал`}>
            <Text as="h2" variant="subheader-3">{`Мои мероприятия в ${period.quarter} квартале ${period.year} г.`}</Text>
            <p className="muted">{`${order.title} · отчёт до ${formatDate(period.deadline)}`}</p>
            {due.length < expected.eventIds.length ? <Loading text="Загрузка мероприятий плана…" /> : <ReportForm period={period} organizationId={organizationId!} events={due} />}
          </section>
        );
      })}
      <section className="panel" id="earlier-reports" aria-labelledby="earlier-title">
        <Text as="h2" variant="subheader-3" id="earlier-title">
          Мои прежние отчёты
        </Text>
        {done.length === 0 ? (
          <p className="muted">Отчётов пока нет.</p>
        ) : (
          <ul>
            {done.map(({ order, period }) => (
              <li key={period.id}>{`${period.quarter} квартал ${period.year} г. — ${order.title}: сдан`}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

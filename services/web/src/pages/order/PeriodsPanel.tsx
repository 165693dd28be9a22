import { Text } from '@gravity-ui/uikit';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { OrderState, Plan } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage, Success } from '../../components/Feedback';
import { formatDate } from '../../format';
import { PERIOD_STATUS_LABEL } from '../../i18n/labels';
import { useOrganizationNames } from '../shared/queries';

/** The order's reporting periods: who reported and who is awaited, and closing a period early (asked first). */
export function PeriodsPanel({ state }: { state: OrderState; plan: Plan | undefined }) {
  const me = useMe();
  const client = useQueryClient();
  const names = useOrganizationNames();
  const key = JSON.stringify(state.periods.map((p) => [p.status, p.submittedCount]));
  const stored = useQuery({ queryKey: ['order-periods', state.orderId, key], queryFn: () => ok(api.GET('/api/orders/{id}/periods', { params: { path: { id: state.orderId } } })) });
  const close = useMutation({
    mutationFn: (periodId: string) => ok(api.POST('/api/orders/{id}/periods/{periodId}/close', { params: { path: { id: state.orderId, periodId } } })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['order-state', state.orderId] }),
  });
  const byId = new Map((stored.data ?? []).map((p) => [p.id, p]));
  return (
    <section className="panel" id="periods" aria-labelledby="periods-title">
      <Text as="h2" variant="subheader-3" id="periods-title">
        Отчётные периоды
      </Text>
      {close.isSuccess && <Success>Период закрывается, готовится аналитическая записка о ходе реализации плана</Success>}
      {close.isError && <ErrorMessage error={close.error} />}
      {state.periods.map((period) => {
        const reporters = period.periodId ? byId.get(period.periodId) : undefined;
        return (
          <div key={`${period.year}-${period.quarter}`} className="period" data-status={period.status} style={{ borderTop: '1px solid var(--g-color-line-generic)', padding: '8px 0' }}>
            <div>
              <strong>{`${period.quarter} квартал ${period.year} г.`}</strong>
              {` ${formatDate(period.start)} – ${formatDate(period.end)}`}
              {period.deadline && ` · отчёт до ${formatDate(period.deadline)}`}
              {` · сдано ${period.submittedCount} из ${period.expectedCount}`}
              <span className="muted">{` · ${PERIOD_STATUS_LABEL[period.status]}`}</span>
            </div>
            {reporters?.calendarWarning && <p className="warning calendar-warning">{reporters.calendarWarning}</p>}
            {reporters && (
              <ul className="reporters">
                {reporters.expected.map((e) => (
                  <li key={e.organizationId} className={e.submitted ? 'ok' : 'warning'}>
                    {`${e.submitted ? '✔' : '…'} ${names.data?.get(e.organizationId) ?? e.organizationId} — ${e.submitted ? 'отчёт сдан' : 'ждём отчёт'}`}
                  </li>
                ))}
              </ul>
            )}
            {reporters && period.status === 'open' && hasRole(me, 'analyst', 'editor') && (
              <ConfirmButton
                view="outlined"
                question={`Закрыть ${period.quarter} квартал досрочно? Отчёты после закрытия не принимаются; будет сформирована аналитическая записка.`}
                confirm="Закрыть период"
                loading={close.isPending}
                onConfirm={() => close.mutate(reporters.id)}
              >
                Закрыть период досрочно
              </ConfirmButton>
            )}
          </div>
        );
      })}
    </section>
  );
}

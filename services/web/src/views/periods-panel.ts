import { api } from '../api';
import type { OrderWorkflowState, PeriodState, PlanEventDto, ReportingPeriodDto } from '../contracts';
import { h } from '../dom';
import { onSubmit } from '../feedback';
import { formatDate } from '../format';
import { PERIOD_STATUS_LABEL } from '../labels';
import { reportForm } from './report-form';

export interface PeriodsContext {
  orderId: string;
  events: Map<string, PlanEventDto>;
  organizationName: (id: string) => string;
  /** Asks the order view to refresh at once (after a report or a close). */
  refresh: () => void;
}

function closeButton(context: PeriodsContext, periodId: string): HTMLFormElement {
  const form = h('form', { class: 'inline-form' }, h('button', { type: 'submit', class: 'secondary' }, 'Закрыть период досрочно'));
  onSubmit(form, async () => {
    await api('POST', `/api/orders/${context.orderId}/periods/${periodId}/close`);
    context.refresh();
    return 'Период закрывается, готовится аналитическая записка о ходе реализации плана';
  });
  return form;
}

function periodBlock(period: PeriodState, stored: ReportingPeriodDto | undefined, context: PeriodsContext): HTMLElement {
  return h(
    'div',
    { class: `period period-${period.status}` },
    h(
      'div',
      { class: 'period-head' },
      h('strong', {}, `${period.quarter} квартал ${period.year} г.`),
      ` ${formatDate(period.start)} – ${formatDate(period.end)}`,
      period.deadline ? ` · отчёт до ${formatDate(period.deadline)}` : '',
      ` · сдано ${period.submittedCount} из ${period.expectedCount}`,
      h('span', { class: 'period-status' }, PERIOD_STATUS_LABEL[period.status]),
    ),
    // Who reported comes from the reporting service, which stores the reports; the workflow keeps counts only.
    stored
      ? h(
          'ul',
          { class: 'reporters' },
          stored.expected.map(({ organizationId: id, submitted }) =>
            h('li', { class: submitted ? 'ok' : 'pending' }, submitted ? '✔ ' : '… ', context.organizationName(id), submitted ? ' — отчёт сдан' : ' — ждём отчёт'),
          ),
        )
      : null,
    stored && period.status === 'open' && stored.expected.some((e) => !e.submitted)
      ? [reportForm(stored, context.events, context.organizationName, context.refresh), closeButton(context, stored.id)]
      : null,
  );
}

/** Reporting periods of an order under monitoring: who reported, and the report form for the open one. */
export async function periodsPanel(state: OrderWorkflowState, context: PeriodsContext): Promise<HTMLElement[]> {
  if (state.periods.length === 0) return [];
  const stored = await api<ReportingPeriodDto[]>('GET', `/api/orders/${context.orderId}/periods`);
  const byId = new Map(stored.map((p) => [p.id, p]));
  return [
    h('h3', {}, 'Отчётные периоды'),
    ...state.periods.map((period) => periodBlock(period, period.periodId ? byId.get(period.periodId) : undefined, context)),
  ];
}

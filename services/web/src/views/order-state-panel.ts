import type { OrderWorkflowState, StageState } from '../contracts';
import { h } from '../dom';
import { formatDateTime } from '../format';
import { DECISION_DONE_LABEL, ORDER_STATUS_LABEL, STAGE_STATUS_LABEL } from '../labels';

export const statusBadge = (status: OrderWorkflowState['status']): HTMLElement =>
  h('span', { class: `badge status-${status}`, 'data-status': status }, ORDER_STATUS_LABEL[status]);

function stageCard(stage: StageState, index: number): HTMLElement {
  return h(
    'div',
    { class: `stage stage-${stage.status}` },
    h('div', { class: 'stage-head' }, h('strong', {}, `${index + 1}. ${stage.name}`), h('span', { class: 'stage-status' }, STAGE_STATUS_LABEL[stage.status])),
    h(
      'ul',
      { class: 'approvers' },
      stage.approvers.map((a) =>
        h('li', {}, `${a.name}, ${a.position} `, h('span', { class: 'muted' }, `(${a.userId}${a.substitutes.length ? `; замещают: ${a.substitutes.map((s) => s.name).join(', ')}` : ''})`)),
      ),
    ),
    stage.decisions.length
      ? h(
          'ul',
          { class: 'decisions' },
          stage.decisions.map((d) =>
            h(
              'li',
              { class: `decision decision-${d.decision}` },
              h('strong', {}, DECISION_DONE_LABEL[d.decision]),
              ` — ${d.name}${d.actingFor ? ` за ${d.actingFor}` : ''}, версия ${d.version}, круг ${d.round}, ${formatDateTime(d.decidedAt)}`,
              d.comment ? h('blockquote', {}, d.comment) : null,
            ),
          ),
        )
      : null,
  );
}

/** The workflow as the clerk needs it: where the order is, every stage with its decisions, the history. */
export function orderStatePanel(state: OrderWorkflowState): HTMLElement {
  return h(
    'div',
    { class: 'card', id: 'order-state' },
    h('h3', {}, 'Ход согласования и исполнения'),
    h(
      'p',
      { class: 'state-line' },
      'Статус: ',
      statusBadge(state.status),
      h('span', { class: 'muted' }, ` · версия ${state.version}, круг согласования ${state.round}`),
      state.registrationNumber ? h('span', {}, ` · рег. № ${state.registrationNumber}`) : null,
    ),
    state.failure ? h('p', { class: 'message error', id: 'order-failure' }, `Сбой: ${state.failure.message}`) : null,
    h('h4', {}, 'Маршрут согласования'),
    h('div', { class: 'stages' }, state.stages.map(stageCard)),
    h('h4', {}, 'История'),
    h(
      'ol',
      { class: 'history' },
      state.history.map((entry) => h('li', {}, h('span', { class: 'muted' }, formatDateTime(entry.at)), ' ', ORDER_STATUS_LABEL[entry.status], entry.note ? ` — ${entry.note}` : '')),
    ),
  );
}

import { api } from '../api';
import type { Decision, OrderWorkflowState } from '../contracts';
import { field, h, selectOf, valueOf } from '../dom';
import { onSubmit } from '../feedback';
import { DECISION_LABEL } from '../labels';
import { currentUser, requireUserId } from '../session';

type Changed = (state: OrderWorkflowState) => void;

const actingAs = (): HTMLElement =>
  h('p', { class: 'muted' }, 'От имени: ', h('strong', { class: 'acting-user' }, currentUser()?.name ?? 'не выполнен вход'), ` (${currentUser()?.login ?? '—'})`);

/** Every action posts to `/api/orders/:id/<action>` as the current user and shows the workflow's new state. */
function submitsOrderAction(
  form: HTMLFormElement,
  state: OrderWorkflowState,
  changed: Changed,
  action: 'decisions' | 'resubmit' | 'sign' | 'retry',
  body: () => Record<string, unknown>,
  done: string,
): HTMLFormElement {
  onSubmit(form, async () => {
    changed(await api<OrderWorkflowState>('POST', `/api/orders/${state.orderId}/${action}`, { userId: requireUserId(), ...body() }));
    return done;
  });
  return form;
}

function decisionForm(state: OrderWorkflowState, changed: Changed): HTMLFormElement {
  const decisions = Object.entries(DECISION_LABEL) as [Decision, string][];
  const form = h(
    'form',
    { id: 'decision-form', class: 'card form-grid' },
    h('h3', {}, `Решение по версии ${state.version}`),
    actingAs(),
    field('Решение', selectOf('decision', decisions)),
    field('Замечания', h('textarea', { name: 'comment', rows: 3, placeholder: 'обязательны при согласовании с замечаниями и при возврате' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Принять решение')),
  );
  return submitsOrderAction(
    form,
    state,
    changed,
    'decisions',
    () => ({ decision: valueOf(form, 'decision'), comment: valueOf(form, 'comment') || null, version: state.version }),
    'Решение принято',
  );
}

function resubmitForm(state: OrderWorkflowState, changed: Changed): HTMLFormElement {
  const form = h(
    'form',
    { id: 'resubmit-form', class: 'card form-grid' },
    h('h3', {}, 'Направить повторно после доработки'),
    actingAs(),
    field(
      'Кто согласует заново',
      selectOf('reapprove', [
        ['not_approved', 'только те, кто вернул или ещё не решил'],
        ['all', 'все согласующие'],
      ]),
    ),
    field('Что исправлено', h('textarea', { name: 'comment', rows: 2 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Направить повторно')),
  );
  return submitsOrderAction(
    form,
    state,
    changed,
    'resubmit',
    () => ({ reapprove: valueOf(form, 'reapprove'), comment: valueOf(form, 'comment') || null }),
    `Направлено повторно, версия ${state.version + 1}`,
  );
}

function signForm(state: OrderWorkflowState, changed: Changed): HTMLFormElement {
  const form = h(
    'form',
    { id: 'sign-form', class: 'card' },
    h('h3', {}, 'Подписание'),
    h('p', {}, `Подписывает: ${state.signatory.name}, ${state.signatory.position} (${state.signatory.userId}).`),
    actingAs(),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Подписать электронной подписью')),
  );
  return submitsOrderAction(form, state, changed, 'sign', () => ({}), 'Подписано: приказ регистрируется и публикуется');
}

function retryForm(state: OrderWorkflowState, changed: Changed): HTMLFormElement {
  const form = h(
    'form',
    { id: 'retry-form', class: 'card' },
    h('h3', {}, 'Сбой'),
    h('p', { class: 'message error' }, state.failure?.message ?? ''),
    actingAs(),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Повторить')),
  );
  return submitsOrderAction(form, state, changed, 'retry', () => ({}), 'Шаг повторяется');
}

/** What the current user can do with the order in its present status, if anything. */
export function orderActions(state: OrderWorkflowState, changed: Changed): HTMLElement | null {
  if (state.failure) return retryForm(state, changed);
  switch (state.status) {
    case 'on_approval':
      return decisionForm(state, changed);
    case 'returned':
      return resubmitForm(state, changed);
    case 'signing':
      return signForm(state, changed);
    default:
      return null;
  }
}

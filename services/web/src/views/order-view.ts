import { api, ApiError } from '../api';
import type { OrderDto, OrderStatus, OrderWorkflowState, OrganizationDto, PlanDto, PlanEventDto } from '../contracts';
import { h, replaceContent } from '../dom';
import { errorLine, loadInto, loadingLine } from '../feedback';
import { formatDateTime } from '../format';
import { ORDER_KIND_LABEL } from '../labels';
import { approvalRouteForm } from './approval-route-form';
import { documentsPanel } from './documents-panel';
import { orderActions } from './order-actions';
import { orderStatePanel, statusBadge } from './order-state-panel';
import { orderTextForm } from './order-text-form';
import { periodsPanel, type PeriodsContext } from './periods-panel';
import type { View } from './view';

const POLL_MS = 3000;
/** Statuses after which nothing moves any more: polling stops. */
const SETTLED: OrderStatus[] = ['closed', 'cancelled', 'amended'];
/** While the author may still change the text (the plans service checks the same). */
const EDITABLE: OrderStatus[] = ['draft', 'returned'];

/** The text as it will be printed: basis and numbered points. */
function orderText(order: OrderDto): HTMLElement {
  return h(
    'div',
    { class: 'card', id: 'order-text' },
    h('h3', {}, 'Текст приказа'),
    order.basis ? h('p', {}, order.basis) : null,
    h('ol', {}, ...order.points.map((point) => h('li', {}, point))),
  );
}

function orderHeader(order: OrderDto, plan: PlanDto): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    h('div', { class: 'muted' }, ORDER_KIND_LABEL[order.kind]),
    h('h2', {}, order.title),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'План'),
      h('dd', {}, h('a', { href: `#/plans/${plan.id}` }, plan.title)),
      h('dt', {}, 'Подписывает'),
      h('dd', {}, `${order.signatory.name}, ${order.signatory.position} (${order.signatory.userId})`),
      order.place ? [h('dt', {}, 'Место издания'), h('dd', {}, order.place)] : null,
      h('dt', {}, 'Создан'),
      h('dd', {}, formatDateTime(order.createdAt)),
      h('dt', {}, 'Идентификатор'),
      h('dd', {}, h('code', { class: 'id' }, order.id)),
    ),
  );
}

/**
 * One order: its workflow state (refreshed every 3 s while the order still moves), what the user can do
 * now, its reporting periods and documents. Parts are redrawn only when what they show has changed, so
 * a half-typed comment survives a refresh.
 */
export function orderView(orderId: string): View {
  const header = h('div', {}, loadingLine('Загрузка приказа…'));
  const refreshLine = h('p', { class: 'refresh-line', 'aria-live': 'polite' });
  const textSlot = h('div');
  const stateSlot = h('div');
  const actionsSlot = h('div');
  const periodsSlot = h('div', { class: 'card', hidden: true });
  const documentsSlot = h('div', { class: 'card' });
  let timer: number | undefined;
  let disposed = false;
  const shown = { state: '', actions: '', periods: '', documents: '', text: '' };
  let context: PeriodsContext;

  const changedPart = (part: keyof typeof shown, key: string): boolean => {
    if (shown[part] === key) return false;
    shown[part] = key;
    return true;
  };

  let plan: PlanDto;
  /** The editing form while the text is the author's, else the text as it stands. */
  const drawText = (order: OrderDto) => {
    const saved = (updated: OrderDto) => replaceContent(header, orderHeader(updated, plan));
    replaceContent(textSlot, EDITABLE.includes(order.status) ? orderTextForm(order, saved) : orderText(order));
  };
  /** Re-read when the workflow moves the status (returned: editable again; resubmitted: not). */
  const showText = async (status: OrderStatus) => {
    if (changedPart('text', status)) drawText(await api<OrderDto>('GET', `/api/orders/${orderId}`));
  };

  const render = (state: OrderWorkflowState) => {
    void showText(state.status).catch((error: unknown) => replaceContent(textSlot, errorLine(error)));
    if (changedPart('state', JSON.stringify(state))) replaceContent(stateSlot, orderStatePanel(state));
    if (changedPart('actions', `${state.status}|${state.version}|${state.round}|${state.failure?.at ?? ''}`)) replaceContent(actionsSlot, orderActions(state, show));
    const periodsKey = JSON.stringify(state.periods.map((p) => [p.status, p.periodId, p.submittedCount]));
    if (changedPart('periods', periodsKey)) {
      periodsSlot.hidden = state.periods.length === 0;
      void loadInto(periodsSlot, () => periodsPanel(state, context), 'Загрузка отчётных периодов…');
    }
    const documentsKey = JSON.stringify([state.status, state.orderDocumentId, state.finalDocumentId, state.periods.map((p) => p.memoDocumentId)]);
    if (changedPart('documents', documentsKey)) void loadInto(documentsSlot, () => documentsPanel(orderId), 'Загрузка документов…');
  };

  const notSubmitted = (order: OrderDto) => {
    replaceContent(stateSlot, h('div', { class: 'card', id: 'order-state' }, h('h3', {}, 'Ход согласования'), h('p', { class: 'state-line' }, 'Статус: ', statusBadge(order.status))));
    replaceContent(refreshLine, 'Приказ ещё не направлялся на согласование.');
    if (order.status === 'draft') replaceContent(actionsSlot, approvalRouteForm(orderId, show));
    if (changedPart('documents', 'none')) void loadInto(documentsSlot, () => documentsPanel(orderId));
  };

  /** Shows a state the API just returned and keeps polling while the order moves. */
  function show(state: OrderWorkflowState): void {
    render(state);
    window.clearTimeout(timer);
    const moving = !SETTLED.includes(state.status);
    const time = new Date().toLocaleTimeString('ru-RU');
    replaceContent(
      refreshLine,
      moving ? [h('span', { class: 'spinner' }), `Обновляется автоматически каждые ${POLL_MS / 1000} с · обновлено в ${time}`] : `Процесс завершён · обновлено в ${time}`,
    );
    if (moving && !disposed) timer = window.setTimeout(() => void poll(), POLL_MS);
  }

  async function poll(order?: OrderDto): Promise<void> {
    try {
      show(await api<OrderWorkflowState>('GET', `/api/orders/${orderId}/state`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && order) return notSubmitted(order);
      replaceContent(refreshLine, errorLine(error), `Повтор через ${POLL_MS / 1000} с…`);
      if (!disposed) timer = window.setTimeout(() => void poll(order), POLL_MS);
    }
  }

  const start = async () => {
    const order = await api<OrderDto>('GET', `/api/orders/${orderId}`);
    const [loadedPlan, organizations] = await Promise.all([api<PlanDto>('GET', `/api/plans/${order.planId}`), api<OrganizationDto[]>('GET', '/api/organizations')]);
    plan = loadedPlan;
    const events = new Map<string, PlanEventDto>(plan.sections.flatMap((s) => s.events.map((e): [string, PlanEventDto] => [e.id, e])));
    const names = new Map(organizations.map((o) => [o.id, o.shortName ?? o.name]));
    context = { orderId, events, organizationName: (id) => names.get(id) ?? id, refresh: () => void poll(order) };
    replaceContent(header, orderHeader(order, plan));
    if (changedPart('text', order.status)) drawText(order);
    replaceContent(stateSlot, loadingLine('Загрузка состояния процесса…'));
    await poll(order);
  };
  start().catch((error: unknown) => replaceContent(header, errorLine(error)));

  return {
    title: 'Приказ',
    element: h('section', {}, header, textSlot, refreshLine, stateSlot, actionsSlot, periodsSlot, documentsSlot),
    dispose: () => {
      disposed = true;
      window.clearTimeout(timer);
    },
  };
}

import type { OrderDto } from '../contracts';
import { h, replaceContent } from '../dom';
import { formatDate, formatDateTime } from '../format';
import { ORDER_KIND_LABEL, ORDER_STATUS_LABEL } from '../labels';
import { fetchMinistries, issuerFilter } from './issuer-filter';
import { pagedTable } from './paged-table';
import type { View } from './view';

/** Every order, newest first, by issuer: where each stands and its registration number once it has one. */
export function ordersListView(): View {
  const list = pagedTable<OrderDto>({
    id: 'orders-table',
    path: '/api/orders',
    what: 'список приказов',
    empty: 'Приказов пока нет: проект приказа создаётся на странице плана (вкладка «Планы»).',
    columns: [
      { title: 'Документ', cell: (o) => [h('a', { href: `#/orders/${o.id}` }, o.title), h('div', { class: 'muted' }, ORDER_KIND_LABEL[o.kind])] },
      { title: 'Состояние', cell: (o) => h('span', { class: `badge status-${o.status}`, 'data-status': o.status }, ORDER_STATUS_LABEL[o.status]) },
      { title: 'Регистрация', cell: (o) => (o.registrationNumber ? `№ ${o.registrationNumber}${o.registeredOn ? ` от ${formatDate(o.registeredOn)}` : ''}` : '—') },
      { title: 'Подписывает', cell: (o) => o.signatory.name },
      { title: 'Создан', cell: (o) => formatDateTime(o.createdAt) },
    ],
  });
  const filter = h('div');
  void fetchMinistries().then(
    (ministries) => replaceContent(filter, issuerFilter(ministries, (issuerId) => list.reload({ issuerId }))),
    () => undefined, // the list itself says when the gateway is unreachable
  );
  void list.reload();
  return { title: 'Приказы', element: h('section', {}, h('h2', {}, 'Приказы и распоряжения'), filter, list.element) };
}

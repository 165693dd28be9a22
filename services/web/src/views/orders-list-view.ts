import { api } from '../api';
import type { OrderDto, OrganizationDto } from '../contracts';
import { h, replaceContent } from '../dom';
import { formatDate, formatDateTime } from '../format';
import { ORDER_STATUS_LABEL } from '../labels';
import { issuerFilter } from './issuer-filter';
import { pagedTable } from './paged-table';
import type { View } from './view';

const KIND_LABEL: Record<OrderDto['kind'], string> = { prikaz: 'Приказ', rasporyazhenie: 'Распоряжение' };

/** Every order, newest first, by issuer: where each stands and its registration number once it has one. */
export function ordersListView(): View {
  const list = pagedTable<OrderDto>({
    id: 'orders-table',
    path: '/api/orders',
    what: 'список приказов',
    empty: 'Приказов пока нет: проект приказа создаётся на странице плана (вкладка «Планы»).',
    columns: [
      { title: 'Документ', cell: (o) => [h('a', { href: `#/orders/${o.id}` }, o.title), h('div', { class: 'muted' }, KIND_LABEL[o.kind])] },
      { title: 'Состояние', cell: (o) => h('span', { class: `badge status-${o.status}`, 'data-status': o.status }, ORDER_STATUS_LABEL[o.status]) },
      { title: 'Регистрация', cell: (o) => (o.registrationNumber ? `№ ${o.registrationNumber}${o.registeredOn ? ` от ${formatDate(o.registeredOn)}` : ''}` : '—') },
      { title: 'Подписывает', cell: (o) => o.signatory.name },
      { title: 'Создан', cell: (o) => formatDateTime(o.createdAt) },
    ],
  });
  const filter = h('div');
  void api<OrganizationDto[]>('GET', '/api/organizations').then(
    (organizations) => replaceContent(filter, issuerFilter(organizations.filter((o) => o.kind === 'ministry'), (issuerId) => list.reload({ issuerId }))),
    () => undefined, // the list itself says when the gateway is unreachable
  );
  void list.reload();
  return { title: 'Приказы', element: h('section', {}, h('h2', {}, 'Приказы и распоряжения'), filter, list.element) };
}

import { orderView } from './views/order-view';
import { ordersListView } from './views/orders-list-view';
import { organizationsView } from './views/organizations-view';
import { planView } from './views/plan-view';
import { plansListView } from './views/plans-list-view';
import type { View } from './views/view';

export const NAVIGATION: [hash: string, label: string][] = [
  ['#/organizations', 'Организации'],
  ['#/plans', 'Планы'],
  ['#/orders', 'Приказы'],
];

/** `#/plans/<id>` → the plan's page, and so on; anything unknown shows the organizations. */
export function viewFor(hash: string): View {
  const [section, id] = hash.replace(/^#\/?/, '').split('/');
  if (section === 'plans') return id ? planView(id) : plansListView();
  if (section === 'orders') return id ? orderView(id) : ordersListView();
  return organizationsView();
}

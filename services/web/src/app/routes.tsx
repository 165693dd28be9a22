import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Me, Role } from '../api/types';

// Each screen is its own chunk: the first screen loads only the shell, the kit and the page it shows.
const TasksPage = lazy(() => import('../pages/tasks/TasksPage'));
const PlansPage = lazy(() => import('../pages/plans/PlansPage'));
const PlanImportPage = lazy(() => import('../pages/plans/PlanImportPage'));
const PlanPage = lazy(() => import('../pages/plan/PlanPage'));
const OrdersPage = lazy(() => import('../pages/orders/OrdersPage'));
const OrderPage = lazy(() => import('../pages/order/OrderPage'));
const ReportsPage = lazy(() => import('../pages/reports/ReportsPage'));
const MonitoringPage = lazy(() => import('../pages/monitoring/MonitoringPage'));
const JournalPage = lazy(() => import('../pages/journal/JournalPage'));
const OrganizationsPage = lazy(() => import('../pages/admin/OrganizationsPage'));
const PeoplePage = lazy(() => import('../pages/admin/PeoplePage'));
const AuditPage = lazy(() => import('../pages/admin/AuditPage'));
const CalendarPage = lazy(() => import('../pages/admin/CalendarPage'));
const AccountsPage = lazy(() => import('../pages/admin/AccountsPage'));
const SystemPage = lazy(() => import('../pages/system/SystemPage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));

export interface AppRoute {
  path: string;
  Page: LazyExoticComponent<ComponentType>;
}

export const ROUTES: AppRoute[] = [
  { path: '/', Page: TasksPage },
  { path: '/plans', Page: PlansPage },
  { path: '/plans/import', Page: PlanImportPage },
  { path: '/plans/:planId', Page: PlanPage },
  { path: '/orders', Page: OrdersPage },
  { path: '/orders/:orderId', Page: OrderPage },
  { path: '/reports', Page: ReportsPage },
  { path: '/monitoring', Page: MonitoringPage },
  { path: '/journal', Page: JournalPage },
  { path: '/admin/organizations', Page: OrganizationsPage },
  { path: '/admin/people', Page: PeoplePage },
  { path: '/admin/accounts', Page: AccountsPage },
  { path: '/admin/audit', Page: AuditPage },
  { path: '/admin/calendar', Page: CalendarPage },
  { path: '/system', Page: SystemPage },
  { path: '/notifications', Page: NotificationsPage },
];

const MINISTRY: Role[] = ['editor', 'approver', 'signatory', 'registrar', 'analyst', 'admin'];

/** The sections in the header, each for the roles whose work it is. */
const NAVIGATION: { path: string; label: string; roles: Role[] | 'all' }[] = [
  { path: '/', label: 'Мои задачи', roles: 'all' },
  { path: '/plans', label: 'Планы', roles: MINISTRY },
  { path: '/orders', label: 'Приказы', roles: MINISTRY },
  { path: '/journal', label: 'Журнал регистрации', roles: ['registrar', 'admin'] },
  { path: '/monitoring', label: 'Мониторинг', roles: ['analyst', 'editor', 'admin'] },
  { path: '/reports', label: 'Отчёты центра', roles: ['reporter'] },
  { path: '/admin/organizations', label: 'Организации', roles: ['admin'] },
  { path: '/admin/people', label: 'Сотрудники', roles: ['admin'] },
  { path: '/admin/accounts', label: 'Учётные записи', roles: ['admin'] },
  { path: '/admin/audit', label: 'Журнал действий', roles: ['admin'] },
  { path: '/admin/calendar', label: 'Производственный календарь', roles: ['admin'] },
];

export const navigationFor = (me: Me) => NAVIGATION.filter(({ roles }) => roles === 'all' || roles.some((role) => me.roles.includes(role)));

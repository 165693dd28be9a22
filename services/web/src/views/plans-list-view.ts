import type { PlanSummaryDto } from '../contracts';
import { h, replaceContent } from '../dom';
import { loadInto } from '../feedback';
import { formatDateTime, formatInterval } from '../format';
import { PLAN_STATUS_LABEL } from '../labels';
import { fetchMinistries, issuerFilter } from './issuer-filter';
import { pagedTable } from './paged-table';
import { planImportForm } from './plan-import-form';
import type { View } from './view';

/** Every plan, newest first, by issuer; and the import of a plan document. */
export function plansListView(): View {
  const list = pagedTable<PlanSummaryDto>({
    id: 'plans-table',
    path: '/api/plans',
    what: 'список планов',
    empty: 'Планов пока нет: импортируйте документ плана формой ниже или создайте план через API (POST /api/plans, см. /api/docs).',
    columns: [
      { title: 'План', cell: (p) => h('a', { href: `#/plans/${p.id}` }, p.title) },
      { title: 'Период', cell: (p) => formatInterval(p.period) },
      { title: 'Состояние', cell: (p) => h('span', { class: `badge status-${p.status}`, 'data-status': p.status }, PLAN_STATUS_LABEL[p.status ?? 'draft']) },
      { title: 'Разделов / мероприятий', cell: (p) => `${p.sectionCount} / ${p.eventCount}` },
      { title: 'Версия', cell: (p) => p.version },
      { title: 'Создан', cell: (p) => formatDateTime(p.createdAt) },
    ],
  });
  const filter = h('div');
  const importArea = h('div');
  void loadInto(importArea, async () => {
    const ministries = await fetchMinistries();
    replaceContent(filter, issuerFilter(ministries, (issuerId) => list.reload({ issuerId })));
    return planImportForm(ministries);
  });
  void list.reload();
  return { title: 'Планы', element: h('section', {}, h('h2', {}, 'Планы мероприятий'), filter, list.element, importArea) };
}

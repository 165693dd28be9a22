import { h } from '../dom';
import { recentItems, type RecentItem } from '../session';
import type { View } from './view';

const TEXT: Record<RecentItem['kind'], { title: string; hint: string; path: string; label: string }> = {
  plan: {
    title: 'Планы мероприятий',
    label: 'Идентификатор плана',
    path: 'plans',
    hint: 'Планы создаются через API (POST /api/plans, см. /api/docs) или импортом документа (npm run -s eduplan -- import ФАЙЛ --json). Откройте план по идентификатору; на странице плана можно создать проект приказа.',
  },
  order: {
    title: 'Приказы',
    label: 'Идентификатор приказа',
    path: 'orders',
    hint: 'Проект приказа создаётся на странице плана. Откройте приказ по идентификатору, чтобы направить его на согласование, принять решение, подписать или отчитаться.',
  },
};

/** The API has no lists of plans and orders yet: open one by its id, or one opened lately. */
export function openByIdView(kind: RecentItem['kind']): View {
  const text = TEXT[kind];
  const input = h('input', { name: 'id', required: true, pattern: '[0-9a-fA-F-]{36}', placeholder: '00000000-0000-0000-0000-000000000000', size: 40 });
  const form = h(
    'form',
    { class: 'card open-form' },
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, text.label), input),
    h('button', { type: 'submit' }, 'Открыть'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/${text.path}/${input.value.trim()}`;
  });
  const recent = recentItems(kind);
  return {
    title: text.title,
    element: h(
      'section',
      {},
      h('h2', {}, text.title),
      h('p', { class: 'muted' }, text.hint),
      form,
      recent.length
        ? h('div', { class: 'card' }, h('h3', {}, 'Открывались недавно'), h('ul', { class: 'recent' }, recent.map((item) => h('li', {}, h('a', { href: `#/${text.path}/${item.id}` }, item.title)))))
        : null,
    ),
  };
}

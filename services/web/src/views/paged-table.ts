import { api } from '../api';
import type { Page } from '../contracts';
import { h, type Child } from '../dom';
import { loadInto } from '../feedback';

const PAGE_SIZE = 25;

export interface Column<T> {
  title: string;
  cell: (item: T) => Child | Child[];
}

/**
 * A list the API serves a page at a time (`?limit=&offset=`, newest first), with «Назад / Далее» and
 * «1–25 из 130». `query` adds filters; `reload` starts again from the first page.
 */
export function pagedTable<T>(options: { id: string; path: string; columns: Column<T>[]; empty: string; what: string }) {
  const element = h('div', { class: 'card scroll', id: options.id });
  let offset = 0;
  let filters: Record<string, string> = {};

  const show = () =>
    loadInto(
      element,
      async () => {
        const query = new URLSearchParams({ ...filters, limit: String(PAGE_SIZE), offset: String(offset) });
        const page = await api<Page<T>>('GET', `${options.path}?${query}`);
        if (page.total === 0) return h('p', { class: 'muted' }, options.empty);
        const pager = h(
          'div',
          { class: 'pager' },
          button('← Назад', offset === 0, () => go(offset - PAGE_SIZE)),
          h('span', { class: 'muted' }, `${offset + 1}–${offset + page.items.length} из ${page.total}`),
          button('Далее →', offset + page.items.length >= page.total, () => go(offset + PAGE_SIZE)),
        );
        const table = h(
          'table',
          {},
          h('thead', {}, h('tr', {}, options.columns.map((c) => h('th', {}, c.title)))),
          h('tbody', {}, page.items.map((item) => h('tr', {}, options.columns.map((c) => h('td', {}, c.cell(item)))))),
        );
        return [table, pager];
      },
      `Загрузка: ${options.what}…`,
    );
  const go = (to: number) => {
    offset = Math.max(0, to);
    void show();
  };

  return {
    element,
    reload(withFilters: Record<string, string> = filters): Promise<void> {
      filters = Object.fromEntries(Object.entries(withFilters).filter(([, value]) => value !== ''));
      offset = 0;
      return show();
    },
  };
}

function button(text: string, disabled: boolean, onclick: () => void): HTMLButtonElement {
  return h('button', { type: 'button', class: 'secondary', disabled, onclick }, text);
}

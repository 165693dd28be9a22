import { api } from '../api';
import type { OrganizationDto, Page, RegionDto } from '../contracts';
import { field, h, optionalValueOf, replaceContent, selectOf, valueOf } from '../dom';
import { loadInto, onSubmit } from '../feedback';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../labels';
import { organizationImportForm } from './organization-import-form';
import type { View } from './view';

const TIME_ZONES: [string, string][] = [
  ['Europe/Kaliningrad', 'Калининград (МСК−1)'],
  ['Europe/Moscow', 'Москва (МСК)'],
  ['Europe/Samara', 'Самара (МСК+1)'],
  ['Asia/Yekaterinburg', 'Екатеринбург (МСК+2)'],
  ['Asia/Omsk', 'Омск (МСК+3)'],
  ['Asia/Novosibirsk', 'Новосибирск (МСК+4)'],
  ['Asia/Irkutsk', 'Иркутск (МСК+5)'],
  ['Asia/Yakutsk', 'Якутск (МСК+6)'],
  ['Asia/Vladivostok', 'Владивосток (МСК+7)'],
  ['Asia/Magadan', 'Магадан (МСК+8)'],
  ['Asia/Kamchatka', 'Камчатка (МСК+9)'],
];

function organizationsTable(organizations: OrganizationDto[]): HTMLElement {
  if (organizations.length === 0) return h('p', { class: 'muted' }, 'Организаций не найдено: создайте министерство формой ниже или измените поиск.');
  return h(
    'table',
    { id: 'organizations-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Наименование'), h('th', {}, 'Вид'), h('th', {}, 'ИНН'), h('th', {}, 'Часовой пояс'), h('th', {}, 'Идентификатор'))),
    h(
      'tbody',
      {},
      organizations.map((o) =>
        h(
          'tr',
          {},
          h('td', {}, o.name, o.shortName ? h('div', { class: 'muted' }, o.shortName) : null),
          h('td', {}, o.centerType ? CENTER_TYPE_LABEL[o.centerType] : ORGANIZATION_KIND_LABEL[o.kind], o.active ? '' : h('div', { class: 'muted' }, 'деактивирована')),
          h('td', {}, o.inn ?? '—'),
          h('td', {}, o.timeZone),
          h('td', {}, h('code', { class: 'id' }, o.id)),
        ),
      ),
    ),
  );
}

/** Ministries a new organization may report to; refilled whenever the list changes. */
function fillParents(select: HTMLSelectElement, organizations: OrganizationDto[]): void {
  const ministries = organizations.filter((o) => o.kind === 'ministry');
  const chosen = select.value;
  replaceContent(select, h('option', { value: '' }, '— нет —'), ministries.map((m) => h('option', { value: m.id }, m.shortName ?? m.name)));
  select.value = ministries.some((m) => m.id === chosen) ? chosen : '';
}

function creationForm(parent: HTMLSelectElement, created: () => Promise<unknown>): HTMLFormElement {
  const centerType = selectOf('centerType', Object.entries(CENTER_TYPE_LABEL));
  const centerTypeField = field('Тип центра', centerType);
  const kind = selectOf('kind', Object.entries(ORGANIZATION_KIND_LABEL));
  const showCenterFields = () => (centerTypeField.hidden = kind.value !== 'center');
  kind.addEventListener('change', showCenterFields);
  showCenterFields();

  const form = h(
    'form',
    { id: 'organization-form', class: 'card form-grid' },
    h('h3', {}, 'Новая организация'),
    field('Полное наименование', h('input', { name: 'name', required: true, placeholder: 'Министерство образования Тверской области' })),
    field('Краткое наименование', h('input', { name: 'shortName', placeholder: 'необязательно' })),
    field('Вид', kind),
    centerTypeField,
    field('Подчиняется', parent),
    field('Часовой пояс (определяет «сегодня» для сроков)', selectOf('timeZone', TIME_ZONES, 'Europe/Moscow')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Создать')),
  );
  onSubmit(form, async () => {
    const isCenter = valueOf(form, 'kind') === 'center';
    const organization = await api<OrganizationDto>('POST', '/api/organizations', {
      name: valueOf(form, 'name'),
      shortName: optionalValueOf(form, 'shortName'),
      kind: valueOf(form, 'kind'),
      centerType: isCenter ? valueOf(form, 'centerType') : null,
      parentId: optionalValueOf(form, 'parentId'),
      timeZone: valueOf(form, 'timeZone'),
    });
    await created();
    return `Создано: ${organization.name}`;
  });
  return form;
}

/** Search by name and filters by kind and center type; the list shows the first page of what matches. */
function filterForm(changed: () => void): HTMLFormElement {
  const form = h(
    'form',
    { id: 'organizations-filter', class: 'filters' },
    h('input', { name: 'query', type: 'search', placeholder: 'Поиск по наименованию' }),
    selectOf('kind', [['', 'Все виды'], ...Object.entries(ORGANIZATION_KIND_LABEL)]),
    selectOf('centerType', [['', 'Все типы центров'], ...Object.entries(CENTER_TYPE_LABEL)]),
    selectOf('status', [['active', 'Действующие'], ['inactive', 'Деактивированные'], ['all', 'Все']]),
  );
  form.addEventListener('input', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed();
  });
  return form;
}

const PAGE = 100;

/** The registry: search and filters, the list, a form to add one organization and the import of a table. */
export function organizationsView(): View {
  const list = h('div', { class: 'card' });
  const parent = h('select', { name: 'parentId' });
  const importPlace = h('div', {});
  const filters = filterForm(() => void refresh());
  const reload = async () => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    for (const name of ['query', 'kind', 'centerType', 'status']) if (valueOf(filters, name)) query.set(name, valueOf(filters, name));
    const [page, ministries] = await Promise.all([
      api<Page<OrganizationDto>>('GET', `/api/organizations/search?${query}`),
      api<Page<OrganizationDto>>('GET', '/api/organizations/search?kind=ministry&limit=200'),
    ]);
    fillParents(parent, ministries.items);
    return [h('h3', {}, `Организации (${page.total}${page.total > page.items.length ? `, показаны первые ${page.items.length}` : ''})`), organizationsTable(page.items)];
  };
  const refresh = () => loadInto(list, reload, 'Загрузка списка организаций…');
  void refresh();
  void Promise.all([api<Page<OrganizationDto>>('GET', '/api/organizations/search?kind=ministry&limit=200'), api<RegionDto[]>('GET', '/api/regions')]).then(
    ([ministries, regions]) => replaceContent(importPlace, organizationImportForm(ministries.items, regions, refresh)),
    () => undefined,
  );
  return {
    title: 'Организации',
    element: h('section', {}, h('h2', {}, 'Реестр организаций'), filters, list, creationForm(parent, refresh), importPlace),
  };
}

import { api } from '../api';
import type { OrganizationDto } from '../contracts';
import { field, h, optionalValueOf, replaceContent, selectOf, valueOf } from '../dom';
import { loadInto, onSubmit } from '../feedback';
import { CENTER_TYPE_LABEL, ORGANIZATION_KIND_LABEL } from '../labels';
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
  if (organizations.length === 0) return h('p', { class: 'muted' }, 'Организаций пока нет: создайте министерство формой ниже.');
  const names = new Map(organizations.map((o) => [o.id, o.shortName ?? o.name]));
  return h(
    'table',
    { id: 'organizations-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Наименование'), h('th', {}, 'Вид'), h('th', {}, 'Подчинение'), h('th', {}, 'Часовой пояс'), h('th', {}, 'Идентификатор'))),
    h(
      'tbody',
      {},
      organizations.map((o) =>
        h(
          'tr',
          {},
          h('td', {}, o.name, o.shortName ? h('div', { class: 'muted' }, o.shortName) : null),
          h('td', {}, ORGANIZATION_KIND_LABEL[o.kind], o.centerType ? ` ${CENTER_TYPE_LABEL[o.centerType]}` : ''),
          h('td', {}, o.parentId ? (names.get(o.parentId) ?? o.parentId) : '—'),
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
  const kind = selectOf('kind', [
    ['ministry', 'Министерство (орган управления образованием)'],
    ['center', 'Центр'],
  ]);
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

/** Ministries and centers: the list and a form to add one. */
export function organizationsView(): View {
  const list = h('div', { class: 'card' });
  const parent = h('select', { name: 'parentId' });
  const reload = async () => {
    const organizations = await api<OrganizationDto[]>('GET', '/api/organizations');
    fillParents(parent, organizations);
    return [h('h3', {}, `Организации (${organizations.length})`), organizationsTable(organizations)];
  };
  const refresh = () => loadInto(list, reload, 'Загрузка списка организаций…');
  void refresh();
  return {
    title: 'Организации',
    element: h('section', {}, h('h2', {}, 'Министерства и центры'), list, creationForm(parent, refresh)),
  };
}

import type { OrganizationDto } from '../contracts';
import { field, h, selectOf } from '../dom';

/** «Издатель: все / министерство …» above a list; `chosen` gets '' for all. */
export function issuerFilter(ministries: OrganizationDto[], chosen: (issuerId: string) => void): HTMLElement {
  const select = selectOf('issuerId', [['', 'все'], ...ministries.map((m): [string, string] => [m.id, m.shortName ?? m.name])]);
  select.addEventListener('change', () => chosen(select.value));
  return h('div', { class: 'list-filter' }, field('Издатель', select));
}

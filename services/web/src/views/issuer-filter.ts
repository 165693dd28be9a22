import { api } from '../api';
import type { OrganizationDto, Page } from '../contracts';
import { field, h, selectOf } from '../dom';

/** «Издатель: все / министерство …» above a list; `chosen` gets '' for all. */
export function issuerFilter(ministries: OrganizationDto[], chosen: (issuerId: string) => void): HTMLElement {
  const select = selectOf('issuerId', [['', 'все'], ...ministries.map((m): [string, string] => [m.id, m.shortName ?? m.name])]);
  select.addEventListener('change', () => chosen(select.value));
  return h('div', { class: 'list-filter' }, field('Издатель', select));
}

/** The organizations that issue plans and orders (searched: the whole registry may hold thousands of centers). */
export async function fetchMinistries(): Promise<OrganizationDto[]> {
  return (await api<Page<OrganizationDto>>('GET', '/api/organizations/search?kind=ministry&status=all&limit=200')).items;
}

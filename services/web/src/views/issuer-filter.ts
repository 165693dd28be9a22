import { api } from '../api';
import type { OrganizationDto } from '../contracts';
import { field, h, selectOf } from '../dom';

/** «Издатель: все / министерство …» above a list; `chosen` gets '' for all. */
export function issuerFilter(ministries: OrganizationDto[], chosen: (issuerId: string) => void): HTMLElement {
  const select = selectOf('issuerId', [['', 'все'], ...ministries.map((m): [string, string] => [m.id, m.shortName ?? m.name])]);
  select.addEventListener('change', () => chosen(select.value));
  return h('div', { class: 'list-filter' }, field('Издатель', select));
}

/** The organizations that issue plans and orders. */
export async function fetchMinistries(): Promise<OrganizationDto[]> {
  return (await api<OrganizationDto[]>('GET', '/api/organizations')).filter((o) => o.kind === 'ministry');
}

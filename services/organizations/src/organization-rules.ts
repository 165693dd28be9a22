import { CENTER_TYPE_NAMES, type CenterType, type OrganizationKind } from '@eduplan/contracts';

/** What is wrong with a kind and center type together, in Russian, or null: only a center has a type, and it must. */
export function centerTypeProblem(kind: OrganizationKind, centerType: CenterType | null | undefined): string | null {
  if (kind === 'center' && !centerType) {
    return `для центра укажите тип: ${Object.values(CENTER_TYPE_NAMES).join(', ')} (centerType)`;
  }
  if (kind !== 'center' && centerType) return 'тип центра указывают только для центра (kind: center)';
  return null;
}

/** A unique index the registry keeps, with what a person should be told when a write runs into it. */
export const UNIQUE_REQUISITES: Record<string, { field: 'inn' | 'ogrn'; label: string }> = {
  organizations_inn_key: { field: 'inn', label: 'ИНН' },
  organizations_ogrn_key: { field: 'ogrn', label: 'ОГРН' },
};

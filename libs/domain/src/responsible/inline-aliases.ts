import { collectAbbreviations, withoutDefinitions } from '../import/abbreviations';
import { organizationKey } from './normalize-organization-name';
import type { ResponsibleMatch } from './responsible.types';

export interface LinkedString {
  raw: string;
  name: string;
  link: ResponsibleMatch | { status: 'not_reporting' };
}

/**
 * The short forms a plan defines for organizations it names («… институт усовершенствования учителей
 * (далее – ГБОУ ДПО ТОИУУ)») or uses in place of them, with the one organization the full name linked to:
 * what the region should remember so that plans using only the short form link too. Groups are left out:
 * «(далее – «Кванториум»)» abbreviates a kind of center, not an organization.
 */
export function inlineAliases(links: readonly LinkedString[]): { text: string; organizationIds: string[] }[] {
  const found = new Map<string, { text: string; organizationIds: string[] }>();
  const nameKey = (text: string) => organizationKey(text);
  for (const { raw, name, link } of links) {
    if (link.status !== 'resolved' || link.method === 'group' || link.method === 'alias' || link.organizationIds.length !== 1) continue;
    const target = nameKey(name);
    const shorts = [...collectAbbreviations([raw]).values()].filter((a) => nameKey(a.full) === target).map((a) => a.short);
    const used = withoutDefinitions(raw);
    for (const text of [...shorts, used]) {
      const key = nameKey(text);
      if (key !== '' && key !== target && !found.has(key)) found.set(key, { text, organizationIds: link.organizationIds });
    }
  }
  return [...found.values()];
}

import { classifyResponsible } from './classify-responsible';
import { groupMembers } from './group-members';
import { organizationKey } from './normalize-organization-name';
import type { OrganizationIndex } from './organization-index';
import type { MatchCandidate, ResponsibleMatch } from './responsible.types';

/** A fuzzy match is taken without a person only this sure … */
export const FUZZY_ACCEPT = 0.85;
/** … and this far ahead of the runner-up; otherwise the candidates go to review. */
export const FUZZY_MARGIN = 0.08;
/** Candidates below this are not worth showing a person. */
export const CANDIDATE_FLOOR = 0.35;

export interface ResponsibleString {
  /** As the document has it. */
  raw: string;
  /** With the document's own abbreviations expanded (the import's `name`). */
  name: string;
}

export interface MatchContext {
  index: OrganizationIndex;
  /** Aliases of the region: organizationKey(alias text) → organization ids. */
  aliases: ReadonlyMap<string, readonly string[]>;
  issuerId: string;
  /** YYYY-MM-DD: group members are counted as of this day. */
  date: string;
}

/**
 * Links one «Ответственные» string to organizations: a remembered alias, the exact or normalized name, a
 * department of the issuer, a group by type, then a fuzzy match with its confidence. What is not sure is
 * returned for review with its best candidates, never guessed.
 */
export function matchResponsible(item: ResponsibleString, context: MatchContext): ResponsibleMatch {
  const { index } = context;
  const texts = item.raw === item.name ? [item.name] : [item.raw, item.name];
  for (const text of texts) {
    const aliased = context.aliases.get(organizationKey(text));
    if (aliased && aliased.length > 0) return { status: 'resolved', method: 'alias', organizationIds: [...aliased], confidence: 1 };
  }
  for (const text of texts) {
    const same = index.exact(text);
    if (same.length === 1) {
      const literal = [same[0].name, same[0].shortName].some((name) => name?.trim().toLowerCase() === text.trim().toLowerCase());
      return { status: 'resolved', method: literal ? 'exact' : 'normalized', organizationIds: [same[0].id], confidence: literal ? 1 : 0.98 };
    }
    if (same.length > 1) {
      return review('Это название носят несколько организаций: выберите нужную', same.map((o) => ({ organizationId: o.id, name: o.name, score: 1 })));
    }
  }
  const kind = classifyResponsible(item.name);
  if (kind.kind === 'external') return review('Внешняя организация: отметьте «не отчитывается» или выберите организацию', [], true);
  if (kind.kind === 'issuer_unit') return { status: 'resolved', method: 'issuer_unit', organizationIds: [context.issuerId], confidence: 0.9 };
  if (kind.kind === 'group') {
    const key = `${kind.group.kinds.join()}|${kind.group.centerTypes.join()}|${context.issuerId}|${context.date}`;
    const members = index.members(key, () => groupMembers(kind.group, index.organizations, context.issuerId, context.date));
    if (members.length === 0) return review('В реестре нет действующих организаций этого типа у издателя плана: добавьте их или выберите организацию', []);
    return { status: 'resolved', method: 'group', group: kind.group, organizationIds: members.map((o) => o.id), confidence: 0.95 };
  }
  const candidates = index.fuzzy(item.name, 3).filter((candidate) => candidate.score >= CANDIDATE_FLOOR);
  const [best, second] = candidates;
  if (best && best.score >= FUZZY_ACCEPT && best.score - (second?.score ?? 0) >= FUZZY_MARGIN) {
    return { status: 'resolved', method: 'fuzzy', organizationIds: [best.organizationId], confidence: best.score };
  }
  return review(best ? 'Похожие организации найдены, но без уверенности: подтвердите или выберите другую' : 'Организация не найдена в реестре: выберите её или отметьте «не отчитывается»', candidates);
}

function review(reason: string, candidates: MatchCandidate[], external = false): ResponsibleMatch {
  return { status: 'review', reason, candidates, external };
}

/** A plan repeats its strings (one «Центры «Точка роста»» per event): each distinct string is matched once. */
export function matchResponsibleBatch(items: readonly ResponsibleString[], context: MatchContext): ResponsibleMatch[] {
  const seen = new Map<string, ResponsibleMatch>();
  return items.map((item) => {
    const key = `${item.raw}\u0000${item.name}`;
    let found = seen.get(key);
    if (!found) seen.set(key, (found = matchResponsible(item, context)));
    return found;
  });
}

import { organizationKey, organizationNumbers, organizationTokens } from './normalize-organization-name';
import type { MatchCandidate, MatchableOrganization } from './responsible.types';

interface IndexedName {
  organization: MatchableOrganization;
  tokens: string[];
  numbers: string;
  trigrams: Set<string>;
}

/** A token carried by more than this share of names is too common to find candidates by («центр», «школа»). */
const COMMON_TOKEN_SHARE = 0.02;
/** How many candidates (by shared rare tokens) are scored exactly. */
const CANDIDATES_SCORED = 40;

/**
 * The organizations of a region indexed once — by folded name (exact lookup) and by token (fuzzy candidates) —
 * so that matching thousands of strings costs a few lookups each, not a pass over every organization.
 */
export class OrganizationIndex {
  private readonly byKey = new Map<string, MatchableOrganization[]>();
  private readonly byToken = new Map<string, number[]>();
  private readonly names: IndexedName[] = [];
  readonly byId = new Map<string, MatchableOrganization>();

  constructor(readonly organizations: readonly MatchableOrganization[]) {
    for (const organization of organizations) {
      this.byId.set(organization.id, organization);
      for (const name of [organization.name, organization.shortName]) {
        if (!name) continue;
        const key = organizationKey(name);
        if (key === '') continue;
        const same = this.byKey.get(key) ?? [];
        if (!same.includes(organization)) same.push(organization);
        this.byKey.set(key, same);
        const tokens = organizationTokens(name);
        const position = this.names.push({ organization, tokens, numbers: organizationNumbers(tokens).join(' '), trigrams: trigramsOf(tokens) }) - 1;
        for (const token of new Set(tokens)) {
          const list = this.byToken.get(token) ?? [];
          list.push(position);
          this.byToken.set(token, list);
        }
      }
    }
  }

  /** Organizations whose name or short name folds to the same key. */
  exact(text: string): MatchableOrganization[] {
    return this.byKey.get(organizationKey(text)) ?? [];
  }

  /** The best-scoring organizations, each once, best first (score: word trigram Dice, 0…1). */
  fuzzy(text: string, limit = 3): MatchCandidate[] {
    const tokens = organizationTokens(text);
    if (tokens.length === 0) return [];
    const numbers = organizationNumbers(tokens).join(' ');
    const trigrams = trigramsOf(tokens);
    const common = Math.max(50, this.names.length * COMMON_TOKEN_SHARE);
    const votes = new Map<number, number>();
    const lists = [...new Set(tokens)].map((token) => this.byToken.get(token) ?? []);
    const rare = lists.filter((list) => list.length > 0 && list.length <= common);
    // Only common words shared («центр», «образования»): they are all there is to go on, so scan their lists.
    for (const list of rare.length > 0 ? rare : lists) {
      const weight = 1 / Math.log2(2 + list.length);
      for (const position of list) votes.set(position, (votes.get(position) ?? 0) + weight);
    }
    const best = new Map<string, MatchCandidate>();
    for (const [position] of [...votes].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES_SCORED)) {
      const name = this.names[position];
      let score = dice(trigrams, name.trigrams);
      // «лицей №18» is not «лицей №10», however alike the words.
      if (numbers !== name.numbers) score = Math.min(score, 0.5) * (numbers && name.numbers ? 0.6 : 1);
      const id = name.organization.id;
      if ((best.get(id)?.score ?? -1) < score) best.set(id, { organizationId: id, name: name.organization.name, score: round(score) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }
}

/** Trigrams of each word padded at its ends: word order does not matter, word endings matter little. */
function trigramsOf(tokens: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const token of tokens) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

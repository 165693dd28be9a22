import { organizationKey, organizationNumbers, organizationTokens } from './normalize-organization-name';
import type { MatchCandidate, MatchableOrganization } from './responsible.types';

interface IndexedName {
  organization: MatchableOrganization;
  tokens: Set<string>;
  numbers: string;
  /** Filled the first time the name is scored: most names never are. */
  trigrams: Set<string> | null;
}

/** A token carried by more than this share of names is too common to find candidates by («центр», «школа»). */
const COMMON_TOKEN_SHARE = 0.02;
/** How many candidates (by shared words) are scored exactly. */
const CANDIDATES_SCORED = 40;
/** A word missing from the registry («Советскк») stands for registry words at least this alike. */
const SIMILAR_WORD = 0.5;

/**
 * The organizations of a region indexed once — by folded name (exact lookup), by word (candidates), and the
 * registry's vocabulary by trigram (a misspelt word still finds its candidates) — so that matching thousands
 * of strings costs a few lookups each, not a pass over every organization.
 */
export class OrganizationIndex {
  private readonly byKey = new Map<string, MatchableOrganization[]>();
  private readonly byToken = new Map<string, number[]>();
  private readonly vocabularyByTrigram = new Map<string, string[]>();
  private readonly names: IndexedName[] = [];
  private readonly groups = new Map<string, MatchableOrganization[]>();
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
        const position = this.names.push({ organization, tokens: new Set(tokens), numbers: organizationNumbers(tokens).join(' '), trigrams: null }) - 1;
        for (const token of new Set(tokens)) {
          let list = this.byToken.get(token);
          if (!list) {
            this.byToken.set(token, (list = []));
            for (const gram of trigramsOf([token])) {
              const words = this.vocabularyByTrigram.get(gram) ?? [];
              words.push(token);
              this.vocabularyByTrigram.set(gram, words);
            }
          }
          list.push(position);
        }
      }
    }
  }

  /** Organizations whose name or short name folds to the same key. */
  exact(text: string): MatchableOrganization[] {
    return this.byKey.get(organizationKey(text)) ?? [];
  }

  /** The members of a group on a day, computed once per group and day (the index never changes). */
  members(key: string, compute: () => MatchableOrganization[]): MatchableOrganization[] {
    let found = this.groups.get(key);
    if (!found) this.groups.set(key, (found = compute()));
    return found;
  }

  /** The best-scoring organizations, each once, best first (score: word trigram Dice, 0…1). */
  fuzzy(text: string, limit = 3): MatchCandidate[] {
    const tokens = [...new Set(organizationTokens(text))];
    if (tokens.length === 0) return [];
    const numbers = organizationNumbers(tokens).join(' ');
    const common = Math.max(50, this.names.length * COMMON_TOKEN_SHARE);
    // Each query word as the registry words it stands for (itself, or the nearest spellings when it has none).
    const words = tokens.map((token) => (this.byToken.has(token) ? [token] : this.similarWords(token)));
    const weight = (word: string) => Math.log2(1 + this.names.length / (this.byToken.get(word)?.length ?? 1));
    let pool = new Set<number>();
    for (const word of words.flat()) {
      const list = this.byToken.get(word) ?? [];
      if (list.length <= common) for (const position of list) pool.add(position);
    }
    if (pool.size === 0) {
      // Only common words shared («центр», «образования»): the rarest of them is all there is to go on.
      const rarest = words.flat().sort((a, b) => (this.byToken.get(a)?.length ?? 0) - (this.byToken.get(b)?.length ?? 0))[0];
      pool = new Set(this.byToken.get(rarest) ?? []);
    }
    const ranked = [...pool]
      .map((position) => {
        const name = this.names[position];
        let overlap = 0;
        for (const alternatives of words) {
          const hit = alternatives.find((word) => name.tokens.has(word));
          if (hit) overlap += weight(hit);
        }
        return { position, overlap };
      })
      .sort((a, b) => b.overlap - a.overlap)
      .slice(0, CANDIDATES_SCORED);
    const trigrams = trigramsOf(tokens);
    const best = new Map<string, MatchCandidate>();
    for (const { position } of ranked) {
      const name = this.names[position];
      name.trigrams ??= trigramsOf([...name.tokens]);
      let score = dice(trigrams, name.trigrams);
      // «лицей №18» is not «лицей №10», however alike the words.
      if (numbers !== name.numbers) score = Math.min(score, 0.5) * (numbers && name.numbers ? 0.6 : 1);
      const id = name.organization.id;
      if ((best.get(id)?.score ?? -1) < score) best.set(id, { organizationId: id, name: name.organization.name, score: round(score) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private similarWords(token: string): string[] {
    const grams = trigramsOf([token]);
    const shared = new Map<string, number>();
    for (const gram of grams) for (const word of this.vocabularyByTrigram.get(gram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
    return [...shared]
      .filter(([word, count]) => (2 * count) / (grams.size + word.length + 2) >= SIMILAR_WORD)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([word]) => word);
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

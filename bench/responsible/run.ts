import { writeReadmeSection } from '../readme-section';
import { cpus, loadavg } from 'node:os';
import { matchResponsible, matchResponsibleBatch, type MatchContext } from '../../libs/domain/src/responsible/match-responsible';
import { organizationTokens } from '../../libs/domain/src/responsible/normalize-organization-name';
import { OrganizationIndex } from '../../libs/domain/src/responsible/organization-index';
import type { CenterTypeValue, MatchableOrganization, ResponsibleMatch } from '../../libs/domain/src/responsible/responsible.types';

// Usage: node -r @swc-node/register bench/responsible/run.ts [--write] [--json]
//   --write updates «## responsible» in bench/README.md; --json prints one JSON line per measurement.

const ORGANIZATIONS = 20_000;
const STRINGS = 2_000;
const ISSUER = 'issuer';

/** A deterministic stream of numbers, so every run matches the same strings. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}
const rnd = random(8);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

const SYLLABLES = ['бор', 'вол', 'гор', 'дуб', 'ель', 'жук', 'зар', 'ива', 'кам', 'лес', 'мор', 'нив', 'озе', 'пес', 'рад', 'сос', 'тал', 'уст', 'хол', 'чер'];
const TOWNS = Array.from({ length: 120 }, (_, i) => {
  const a = SYLLABLES[i % SYLLABLES.length];
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length];
  return `${a[0].toUpperCase()}${a.slice(1)}${b}ск`;
});

const KINDS: { type: CenterTypeValue | null; make: (n: number, town: string) => string }[] = [
  { type: null, make: (n, town) => `Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» г. ${town}` },
  { type: 'tochka_rosta', make: (n, town) => `Центр «Точка роста» на базе МБОУ «СОШ № ${n}» г. ${town}` },
  { type: 'it_cube', make: (n, town) => `Центр цифрового образования детей «IT-куб» на базе МАОУ «Лицей № ${n}» г. ${town}` },
  { type: 'kvantorium', make: (n, town) => `Детский технопарк «Кванториум» на базе ГБОУ ДО «Дворец творчества № ${n}» г. ${town}` },
];

const organizations: MatchableOrganization[] = [];
for (let i = 0; organizations.length < ORGANIZATIONS; i++) {
  const kind = KINDS[i % KINDS.length];
  const town = TOWNS[Math.floor(i / KINDS.length) % TOWNS.length];
  const n = Math.floor(i / (KINDS.length * TOWNS.length)) + 1;
  organizations.push({
    id: `org-${i}`,
    name: kind.make(n, town),
    shortName: null,
    kind: kind.type ? 'center' : 'school',
    centerType: kind.type,
    issuerId: ISSUER,
    active: true,
    since: '2020-01-01',
  });
}

/** How a plan writer spells a registry name: other quotes, no legal form, «№N», lower case, a slip in the town. */
function respell(name: string, slip: boolean): string {
  let text = name.replace(/«/g, '"').replace(/»/g, '"').replace(/№ (\d+)/g, '№$1');
  if (rnd() < 0.5) text = text.replace(/^Муниципальное бюджетное общеобразовательное учреждение /, 'МБОУ ');
  if (rnd() < 0.3) text = text.toLowerCase();
  if (slip) text = text.replace(/г\. (\S+)$/, (_, town: string) => `г. ${town.slice(0, -2)}${town.slice(-1)}${town.slice(-2, -1)}`);
  return text;
}

type Truth = { kind: 'named'; id: string } | { kind: 'group' } | { kind: 'unknown' };
const strings: { raw: string; name: string; truth: Truth }[] = [];
const GROUPS = ['Центры «Точка роста»', 'Руководители центров «IT-куб»', 'Центры «Точка роста», «IT-куб», «Кванториум»', 'Образовательные организации', 'Детские технопарки «Кванториум»'];
while (strings.length < STRINGS) {
  const roll = rnd();
  if (roll < 0.4 || (roll >= 0.6 && roll < 0.8)) {
    const target = pick(organizations);
    const text = respell(target.name, roll >= 0.6);
    strings.push({ raw: text, name: text, truth: { kind: 'named', id: target.id } });
  } else if (roll < 0.6) {
    const text = pick(GROUPS);
    strings.push({ raw: text, name: text, truth: { kind: 'group' } });
  } else if (roll < 0.9) {
    const text = `Автономная некоммерческая организация «${pick(['Клуб', 'Фонд', 'Ассоциация'])} ${pick(TOWNS)} ${Math.floor(rnd() * 900)}»`;
    strings.push({ raw: text, name: text, truth: { kind: 'unknown' } });
  } else {
    // A near miss: a registry name with a number no organization of that town has.
    const text = respell(pick(organizations).name, false).replace(/№ ?(\d+)/, (_, n: string) => `№${Number(n) + 500}`);
    strings.push({ raw: text, name: text, truth: { kind: 'unknown' } });
  }
}

interface Measurement {
  measurement: string;
  organizations: number;
  strings: number;
  ms: number;
  perStringUs: number;
  note: string;
}
const measurements: Measurement[] = [];
const time = <T>(work: () => T): [T, number] => {
  const started = process.hrtime.bigint();
  const result = work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
};
const record = (measurement: string, count: number, ms: number, note: string) =>
  measurements.push({ measurement, organizations: ORGANIZATIONS, strings: count, ms: Math.round(ms * 10) / 10, perStringUs: Math.round((ms * 1000) / Math.max(1, count)), note });

// Warm-up on a small index so the first measured run is not the JIT's.
matchResponsibleBatch(strings.slice(0, 200), { index: new OrganizationIndex(organizations.slice(0, 2000)), aliases: new Map(), issuerId: ISSUER, date: '2024-01-01' });

const [index, indexMs] = time(() => new OrganizationIndex(organizations));
record('index 20,000 organizations (folded names, token lists, trigrams)', 0, indexMs, 'once per region, reused for every plan');
const context: MatchContext = { index, aliases: new Map(), issuerId: ISSUER, date: '2024-01-01' };
const [results, matchMs] = time(() => strings.map((s) => matchResponsible(s, context)));
record('match 2,000 strings, each on its own', STRINGS, matchMs, 'alias → exact → normalized → group → fuzzy');
const [, batchMs] = time(() => matchResponsibleBatch(strings, context));
record('match 2,000 strings as one batch (repeats matched once)', STRINGS, batchMs, 'what the resolve route does');

// The loop the index avoids: every string against every organization. Measured on 20 strings, scaled to 2,000.
const sample = strings.slice(0, 20);
const allTokens = organizations.map((o) => new Set(organizationTokens(o.name)));
const [, pairwiseMs] = time(() => {
  for (const s of sample) {
    const tokens = organizationTokens(s.name);
    let best = 0;
    for (const other of allTokens) best = Math.max(best, tokens.filter((t) => other.has(t)).length);
    if (best < 0) throw new Error('unreachable');
  }
});
record('pairwise token overlap, 2,000 × 20,000 (20 strings measured, scaled)', STRINGS, (pairwiseMs * STRINGS) / sample.length, 'the loop the index replaces; cheaper per pair than trigram scoring');

const tally = (predicate: (r: ResponsibleMatch, t: Truth) => boolean) => results.filter((r, i) => predicate(r, strings[i].truth)).length;
const named = strings.filter((s) => s.truth.kind === 'named').length;
const outcome = {
  named,
  namedResolvedRight: tally((r, t) => t.kind === 'named' && r.status === 'resolved' && r.organizationIds[0] === t.id),
  namedResolvedWrong: tally((r, t) => t.kind === 'named' && r.status === 'resolved' && r.organizationIds[0] !== t.id),
  namedReviewWithRightCandidate: tally((r, t) => t.kind === 'named' && r.status === 'review' && r.candidates.some((c) => c.organizationId === t.id)),
  namedReviewWithout: tally((r, t) => t.kind === 'named' && r.status === 'review' && !r.candidates.some((c) => c.organizationId === t.id)),
  groups: tally((r, t) => t.kind === 'group' && r.status === 'resolved' && r.method === 'group'),
  unknownToReview: tally((r, t) => t.kind === 'unknown' && r.status === 'review'),
  unknownResolved: tally((r, t) => t.kind === 'unknown' && r.status === 'resolved'),
};

if (process.argv.includes('--json')) {
  for (const m of measurements) process.stdout.write(`${JSON.stringify(m)}\n`);
  process.stdout.write(`${JSON.stringify({ measurement: 'outcome', ...outcome })}\n`);
}

const section = [
  '## responsible',
  '',
  `\`node -r @swc-node/register bench/responsible/run.ts --write\` — linking plan «Ответственные» strings to organizations (\`libs/domain/src/responsible\`): ${ORGANIZATIONS.toLocaleString('en')} synthetic organizations of one issuer (schools, «Точка роста», «IT-куб», «Кванториум» in 120 towns), ${STRINGS.toLocaleString('en')} strings: 40 % registry names respelled (quotes, «№N», legal form, case), 20 % the same with a slip in the town, 20 % group references, 10 % names not in the registry, 10 % near misses (a registry name with a number no organization has). One run; Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores.`,
  '',
  '| measurement | strings | ms | µs per string | note |',
  '|---|---:|---:|---:|---|',
  ...measurements.map((m) => `| ${m.measurement} | ${m.strings || '—'} | ${m.ms.toLocaleString('en')} | ${m.strings ? m.perStringUs.toLocaleString('en') : '—'} | ${m.note} |`),
  '',
  `Outcome: of ${outcome.named} strings naming a registry organization, ${outcome.namedResolvedRight} resolved to the right one, ${outcome.namedResolvedWrong} to a wrong one, ${outcome.namedReviewWithRightCandidate} went to review with the right organization among the candidates, ${outcome.namedReviewWithout} to review without it; ${outcome.groups} group references resolved as groups; of the unknown names and near misses ${outcome.unknownToReview} went to review and ${outcome.unknownResolved} were resolved.`,
  '',
].join('\n');
process.stdout.write(`${section}\n`);

if (process.argv.includes('--write')) writeReadmeSection('responsible', section);

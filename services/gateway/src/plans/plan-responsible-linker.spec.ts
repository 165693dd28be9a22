import { ResponsibleRoutes, type Actor, type ResolvedResponsibleDto } from '@eduplan/contracts';
import type { BusClient } from '@eduplan/platform';
import { PlanResponsibleLinker } from './plan-responsible-linker';

const ISSUER = '00000000-0000-4000-8000-000000000001';
const COKO = '00000000-0000-4000-8000-0000000000c0';
const DEPARTMENT = '00000000-0000-4000-8000-0000000000d0';
const actor: Actor = { accountId: '00000000-0000-4000-8000-0000000000a0', login: 'editor', name: 'Редактор', roles: ['editor'], organizationId: ISSUER, personId: null };

const resolved = (raw: string, name: string, organizationId: string): ResolvedResponsibleDto => ({
  raw,
  name,
  link: { status: 'resolved', method: 'exact', organizationIds: [organizationId], confidence: 1 },
});

/** The organizations service as the linker sees it: full names it knows, and the aliases it is asked to keep. */
function organizationsBus(known: Record<string, string>) {
  const resolvedBatches: string[][] = [];
  const confirmed: Array<{ text: string; organizationIds: string[]; source: string }> = [];
  const bus = {
    request: async (route: unknown, payload: Record<string, unknown>) => {
      if (route === ResponsibleRoutes.resolve) {
        const strings = payload.strings as Array<{ raw: string; name: string }>;
        resolvedBatches.push(strings.map((s) => s.raw));
        return strings.map(({ raw, name }) =>
          known[name] ? resolved(raw, name, known[name]) : { raw, name, link: { status: 'review', reason: 'не найдено', candidates: [], external: false } },
        );
      }
      if (route === ResponsibleRoutes.confirm) {
        const { text, organizationIds, source } = payload as { text: string; organizationIds: string[]; source: string };
        confirmed.push({ text, organizationIds, source });
        return null;
      }
      throw new Error('unexpected route');
    },
  };
  return { bus: bus as unknown as BusClient, resolvedBatches, confirmed };
}

describe('PlanResponsibleLinker: a plan’s abbreviations become the region’s aliases', () => {
  it('links the abbreviations no «Ответственные» cell used and remembers each with where the document defined it', async () => {
    const { bus, resolvedBatches, confirmed } = organizationsBus({
      'центр оценки качества образования': COKO,
      'департамент образования Вологодской области': DEPARTMENT,
    });
    const linker = new PlanResponsibleLinker(bus);
    const planLinks = [resolved('ЦОКО', 'Центр оценки качества образования', COKO)];
    const definitions = [
      { short: 'ЦОКО', full: 'центр оценки качества образования', source: 'inline' as const },
      { short: 'ДО', full: 'департамент образования Вологодской области', source: 'glossary' as const },
      { short: 'ИРО', full: 'институт развития образования', source: 'inline' as const },
    ];

    const extra = await linker.resolveDefinitions(ISSUER, definitions, planLinks);
    await linker.rememberPlanAliases(ISSUER, [...planLinks, ...extra], actor, [definitions[1]]);

    expect(resolvedBatches).toEqual([['ДО', 'ИРО']]);
    expect(confirmed).toEqual([
      { text: 'ЦОКО', organizationIds: [COKO], source: 'inline' },
      { text: 'ДО', organizationIds: [DEPARTMENT], source: 'glossary' },
    ]);
  });

  it('asks nothing more when every abbreviation was used in the plan', async () => {
    const { bus, resolvedBatches } = organizationsBus({});
    const planLinks = [resolved('ЦОКО', 'Центр оценки качества образования', COKO)];
    const extra = await new PlanResponsibleLinker(bus).resolveDefinitions(ISSUER, [{ short: 'ЦОКО', full: 'центр оценки качества образования' }], planLinks);
    expect(extra).toEqual([]);
    expect(resolvedBatches).toEqual([]);
  });
});

import { importPlanText } from '../import/import-plan';
import { FIXTURE_FILES, readFixture } from '../import/plan-fixtures.testing';
import { classifyResponsible } from './classify-responsible';
import { groupMembers } from './group-members';
import { inlineAliases } from './inline-aliases';
import { matchResponsible, type MatchContext } from './match-responsible';
import { organizationKey } from './normalize-organization-name';
import { OrganizationIndex } from './organization-index';
import { fixtureRegion } from './region-fixtures.testing';
import type { MatchableOrganization } from './responsible.types';

const ISSUER = 'issuer';

function context(region: keyof typeof FIXTURE_FILES, aliases: [string, string[]][] = []): MatchContext {
  return { index: new OrganizationIndex(fixtureRegion(region, ISSUER)), aliases: new Map(aliases), issuerId: ISSUER, date: '2024-01-01' };
}
const match = (name: string, ctx: MatchContext, raw = name) => matchResponsible({ raw, name }, ctx);

describe('organization names are compared without their spelling', () => {
  it.each([
    ['ГБУ КО НОО "Центр развития одаренных детей"', 'ГБУ КО НОО «Центр развития одарённых детей»'],
    ['ЦЦОД «ИТ-куб. лицей №18» г. Калининград', 'ЦЦОД «IT-куб. Лицей № 18» г. Калининград'],
    ['МАОУ Лицей № 10 г. Советска', 'лицей №10 г. советска'],
    [
      'Государственное бюджетное образовательное учреждение дополнительного профессионального образования Тверской областной институт усовершенствования учителей',
      'ГБОУ ДПО «Тверской областной институт усовершенствования учителей»',
    ],
    ['КОГОАУ «Гимназия № 1 г. Кирово-Чепецка»', 'Гимназия №1 г. Кирово-Чепецка'],
    ['Гочка роста', 'Точка роста'],
  ])('%s = %s', (a, b) => expect(organizationKey(a)).toBe(organizationKey(b)));

  it('keeps different numbers apart', () => expect(organizationKey('Лицей № 18')).not.toBe(organizationKey('Лицей № 10')));
});

describe('a responsible string names a group, a department of the issuer, an outside body or one organization', () => {
  it.each([
    ['Центры образования естественнонаучной и технологической направленностей «Точка роста»', ['tochka_rosta']],
    ['Руководители центров «IT-куб»', ['it_cube']],
    ['Центры «Точка роста», «IT-куб», «Кванториум»', ['tochka_rosta', 'it_cube', 'kvantorium']],
    ['Детский технопарк «Кванториум» на базе общеобразовательной организации', ['kvantorium_school']],
    ['Детский технопарк Кванториум', ['kvantorium']],
    ['Образовательные организации', []],
    ['Руководители общеобразовательных организаций', []],
  ])('%s is a group', (text, types) => {
    const found = classifyResponsible(text);
    expect(found.kind).toBe('group');
    if (found.kind === 'group') expect(found.group.centerTypes).toEqual(types);
  });

  it.each([
    ['ЦЦОД «IT-куб. лицей №18» г. Калининград', 'named'],
    ['Структурное подразделение государственного бюджетного учреждения дополнительного образования «Тверской областной центр юных техников» детский технопарк «Кванториум»', 'named'],
    ['Управление общего образования министерства образования и науки Самарской области', 'issuer_unit'],
    ['Пресс-служба министерства', 'issuer_unit'],
    ['Минпросвещения России', 'external'],
    ['ФГАОУ ДПО «Академия Минпросвещения России»', 'external'],
  ])('%s is %s', (text, kind) => expect(classifyResponsible(text).kind).toBe(kind));
});

describe('matching against a region', () => {
  it('takes the exact name, the normalized one and a plan-style spelling of a named center', () => {
    const ctx = context('kaliningrad');
    expect(match('Министерство образования Калининградской области', ctx)).toMatchObject({ status: 'resolved', method: 'exact', organizationIds: [ISSUER] });
    expect(match('ЦЦОД «ИТ-куб. лицей №18» г. Калининград', ctx)).toMatchObject({ status: 'resolved', method: 'normalized' });
    const sovetsk = match('ЦЦОД IT-куб на базе МАОУ "Лицей №10" г. Советск', ctx);
    expect(sovetsk).toMatchObject({ status: 'resolved', method: 'fuzzy' });
    if (sovetsk.status === 'resolved') expect(sovetsk.confidence).toBeGreaterThan(0.85);
  });

  it('sends a near miss to review with its candidates instead of guessing (the school is not its IT-cube)', () => {
    const found = match('МАОУ Лицей № 10 г. Советска', context('kaliningrad'));
    expect(found.status).toBe('review');
    if (found.status === 'review') expect(found.candidates[0].name).toContain('Лицей № 10');
  });

  it('resolves a group to the active centers of its type under the issuer', () => {
    const found = match('Руководители центров «Кванториум»', context('tver'));
    expect(found).toMatchObject({ status: 'resolved', method: 'group', group: { centerTypes: ['kvantorium'] } });
    // «Кванториум» names the family: 11 stationary and 10 school technoparks in the seeded Tver region.
    if (found.status === 'resolved') expect(found.organizationIds).toHaveLength(21);
  });

  it('a remembered alias wins, looked up by the raw text or its expansion', () => {
    const ctx = context('kaliningrad', [[organizationKey('Региональный модельный центр ДОД КО'), ['kaliningrad-1']]]);
    expect(match('Региональный модельный центр ДОД КО', ctx)).toMatchObject({ status: 'resolved', method: 'alias', organizationIds: ['kaliningrad-1'] });
    expect(match('Региональный модельный центр, КО', context('kaliningrad'))).toMatchObject({ status: 'review' });
  });

  it('marks an outside body for review as external', () => {
    expect(match('Министерство просвещения Российской Федерации', context('tver'))).toMatchObject({ status: 'review', external: true });
  });
});

describe('group members on a day', () => {
  const center = (id: string, since: string, active = true): MatchableOrganization => ({
    id, name: id, shortName: null, kind: 'center', centerType: 'it_cube', issuerId: ISSUER, active, since,
  });

  it('counts a center only from the day it opened, and never a closed one or another issuer’s', () => {
    const organizations = [center('old', '2023-01-01'), center('new', '2024-03-01'), center('closed', '2023-01-01', false), { ...center('other', '2023-01-01'), issuerId: 'x' }];
    const group = { kinds: ['center' as const], centerTypes: ['it_cube' as const] };
    expect(groupMembers(group, organizations, ISSUER, '2024-01-01').map((o) => o.id)).toEqual(['old']);
    expect(groupMembers(group, organizations, ISSUER, '2024-04-01').map((o) => o.id)).toEqual(['old', 'new']);
  });
});

describe('the three fixture plans in their seeded regions', () => {
  it.each(Object.keys(FIXTURE_FILES) as (keyof typeof FIXTURE_FILES)[])('%s: every responsible string is resolved or listed for review', (region) => {
    const plan = importPlanText(readFixture(region));
    const ctx = context(region);
    const strings = plan.plan.sections.flatMap((s) => s.events.flatMap((e) => e.responsible));
    const results = strings.map((s) => matchResponsible(s, ctx));
    for (const result of results) {
      if (result.status === 'resolved') expect(result.organizationIds.length).toBeGreaterThan(0);
      else expect(result.reason).toMatch(/[а-я]/);
    }
    const resolved = results.filter((r) => r.status === 'resolved').length;
    // Most of what a plan names is a group or the issuer's own institute: the bulk must link without a person.
    expect(resolved / results.length).toBeGreaterThan(0.6);
  });
});

describe('a plan’s own abbreviations become the region’s aliases', () => {
  const resolved = (id: string) => ({ status: 'resolved' as const, method: 'normalized' as const, organizationIds: [id], confidence: 0.98 });
  it('keeps the short form a plan defines or uses for one organization, never one for a group or a mere change of case', () => {
    const aliases = inlineAliases([
      {
        raw: 'государственное бюджетное образовательное учреждение дополнительного образования Самарской области «Самарский областной центр детско-юношеского технического творчества» (далее – ГБОУДО СО СОЦДИУТТ)',
        name: 'Государственное бюджетное образовательное учреждение дополнительного образования Самарской области «Самарский областной центр детско-юношеского технического творчества»',
        link: resolved('soc'),
      },
      { raw: 'структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»', name: 'Структурное подразделение ГБУ ДО «Тверской областной центр юных техников» детский технопарк «Кванториум»', link: resolved('toc') },
      { raw: 'Управление общего образования министерства образования и науки Самарской области (далее, соответственно – управление общего образования, министерство)', name: 'Управление общего образования министерства образования и науки Самарской области', link: { status: 'resolved', method: 'issuer_unit', organizationIds: ['issuer'], confidence: 0.9 } },
      { raw: 'центры цифрового образования «IT-куб» (далее – «IT-куб»)', name: 'Центры цифрового образования «IT-куб»', link: { status: 'resolved', method: 'group', group: { kinds: ['center'], centerTypes: ['it_cube'] }, organizationIds: ['a', 'b'], confidence: 0.95 } },
      { raw: 'министерство образования Тверской области', name: 'Министерство образования Тверской области', link: resolved('issuer') },
    ]);
    expect(aliases).toEqual([
      { text: 'ГБОУДО СО СОЦДИУТТ', organizationIds: ['soc'] },
      { text: 'структурное подразделение ГБУ ДО ТОЦЮТ «Кванториум»', organizationIds: ['toc'] },
      { text: 'управление общего образования', organizationIds: ['issuer'] },
    ]);
  });
});

import type { FIXTURE_FILES } from '../import/plan-fixtures.testing';
import type { CenterTypeValue, MatchableOrganization, OrganizationKindValue } from './responsible.types';

/** One organization to put in a test region (ids are the caller's). */
export interface SeedOrganization {
  name: string;
  shortName: string | null;
  kind: OrganizationKindValue;
  centerType: CenterTypeValue | null;
}

const TOWNS = ['Ржев', 'Торжок', 'Кимры', 'Бежецк', 'Конаково', 'Кашин', 'Осташков', 'Бологое', 'Нелидово', 'Удомля', 'Вышний Волочёк', 'Старица'];

function centers(type: CenterTypeValue, make: (n: number, town: string) => string, count = 10): SeedOrganization[] {
  return Array.from({ length: count }, (_, i) => ({ name: make(i + 1, TOWNS[i % TOWNS.length]), shortName: null, kind: 'center' as const, centerType: type }));
}

const tochka = (region: string) =>
  centers('tochka_rosta', (n, town) => `Центр образования естественнонаучной и технологической направленностей «Точка роста» на базе МОУ «СОШ № ${n}» ${region} г. ${town}`);
const itCubes = (region: string) => centers('it_cube', (n, town) => `Центр цифрового образования детей «IT-куб» МОУ «Гимназия № ${n + 20}» ${region} г. ${town}`);
const kvantoriums = (region: string) => centers('kvantorium', (n, town) => `Детский технопарк «Кванториум» № ${n} ${region} г. ${town}`);
const schoolKvantoriums = (region: string) => centers('kvantorium_school', (n, town) => `Школьный технопарк «Кванториум» МОУ «СОШ № ${n + 40}» ${region} г. ${town}`);

/**
 * Each fixture plan's region as the «Done when» of issue 8 describes it: its ministry, its institute and at
 * least ten centers of each type the plan names, a few of them under the names the plan uses.
 */
export const FIXTURE_REGIONS: Record<keyof typeof FIXTURE_FILES, SeedOrganization[]> = {
  tver: [
    { name: 'Министерство образования Тверской области', shortName: null, kind: 'issuer', centerType: null },
    {
      name: 'Государственное бюджетное образовательное учреждение дополнительного профессионального образования «Тверской областной институт усовершенствования учителей»',
      shortName: 'ГБОУ ДПО ТОИУУ',
      kind: 'institute',
      centerType: null,
    },
    { name: 'Детский технопарк «Кванториум» ГБУ ДО «Тверской областной центр юных техников»', shortName: null, kind: 'center', centerType: 'kvantorium' },
    ...tochka('Тверской области'),
    ...itCubes('Тверской области'),
    ...kvantoriums('Тверской области'),
    ...schoolKvantoriums('Тверской области'),
  ],
  kaliningrad: [
    { name: 'Министерство образования Калининградской области', shortName: null, kind: 'issuer', centerType: null },
    { name: 'Калининградский областной институт развития образования', shortName: 'КОИРО', kind: 'institute', centerType: null },
    { name: 'Центр цифрового образования детей «IT-куб. Лицей № 18» г. Калининград', shortName: 'ЦЦОД «IT-куб. лицей №18»', kind: 'center', centerType: 'it_cube' },
    { name: 'Центр цифрового образования детей «IT-куб» на базе МАОУ «Лицей № 10» г. Советска', shortName: null, kind: 'center', centerType: 'it_cube' },
    ...itCubes('Калининградской области'),
    ...kvantoriums('Калининградской области'),
  ],
  samara: [
    { name: 'Министерство образования и науки Самарской области', shortName: null, kind: 'issuer', centerType: null },
    {
      name: 'Государственное автономное учреждение дополнительного профессионального образования Самарской области «Институт развития образования»',
      shortName: 'СИПКРО',
      kind: 'institute',
      centerType: null,
    },
    ...tochka('Самарской области'),
  ],
};

/** A fixture region as the matcher sees it, every organization answering to `issuerId` (the ministry's id). */
export function fixtureRegion(region: keyof typeof FIXTURE_FILES, issuerId: string, since = '2020-01-01'): MatchableOrganization[] {
  return FIXTURE_REGIONS[region].map((seed, i) => ({
    ...seed,
    id: seed.kind === 'issuer' ? issuerId : `${region}-${i}`,
    issuerId,
    active: true,
    since,
  }));
}

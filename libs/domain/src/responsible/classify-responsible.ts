import { foldOrganizationText } from './normalize-organization-name';
import type { CenterTypeValue, GroupReference } from './responsible.types';

/**
 * What a «Ответственные» string names: a group of organizations by type («Центры «Точка роста»»,
 * «Руководители общеобразовательных организаций»), a department of the issuer itself («Управление общего
 * образования министерства»), an outside body (Минпросвещения), or one named organization.
 */
export type ResponsibleClass =
  | { kind: 'group'; group: GroupReference }
  | { kind: 'issuer_unit' }
  | { kind: 'external' }
  | { kind: 'named' };

const CENTER_TYPE_PATTERNS: [CenterTypeValue, RegExp][] = [
  ['tochka_rosta', /точк\S* роста/],
  ['it_cube', /it-куб/],
  ['infiniti', /инфинит/],
  ['kvantorium_mobile', /мобильн\S* (?:детск\S* )?(?:технопарк\S* )?кванториум|кванториум\S* мобильн/],
  ['kvantorium_school', /школьн\S* кванториум|кванториум\S* на базе общеобразовательн/],
  ['kvantorium', /кванториум/],
  ['cdod', /цифров\S* образовани/],
];

/** Words of a type-level phrase: once they and the type names are gone, nothing names one organization. */
const GENERIC_WORD =
  /^(?:руководител\S*|директор\S*|центр\S*|детск\S*|технопарк\S*|образовани\S*|естественнонаучн\S*|технологическ\S*|направленност\S*|цифров\S*|на|базе|и|общеобразовательн\S*|образовательн\S*|организаци\S*|учреждени\S*|школьн\S*|мобильн\S*|точка|точки|роста|it-куб|кванториум\S*|инфинити|все|всех|региона|области|структурн\S*|подразделени\S*|цод|ццод|цдо)$/;

const ISSUER_UNIT = /^(?:управлени[ея]|отдел|пресс-служба|департамент|сектор)\s/;
const EXTERNAL = /минпросвещ|министерств\S* просвещения|российской федерации|академи\S* минпросвещ|фгбну|рособрнадзор/;

export function classifyResponsible(text: string): ResponsibleClass {
  const folded = foldOrganizationText(text);
  if (EXTERNAL.test(folded)) return { kind: 'external' };
  if (ISSUER_UNIT.test(folded)) return { kind: 'issuer_unit' };
  const words = folded.split(' ');
  if (!words.every((word) => GENERIC_WORD.test(word))) return { kind: 'named' };
  const centerTypes = centerTypesIn(folded);
  if (centerTypes.length > 0) return { kind: 'group', group: { kinds: ['center'], centerTypes } };
  if (/(?:обще)?образовательн\S* (?:организаци|учреждени)/.test(folded)) {
    // Centers are educational organizations too (most sit in a school): the plan means all of them.
    return { kind: 'group', group: { kinds: ['school', 'center'], centerTypes: [] } };
  }
  return { kind: 'named' };
}

/** Every center type a phrase names, each once («Центры «Точка роста», «IT-куб», «Кванториум»»). */
export function centerTypesIn(folded: string): CenterTypeValue[] {
  const found: CenterTypeValue[] = [];
  let rest = folded;
  for (const [type, pattern] of CENTER_TYPE_PATTERNS) {
    if (type === 'cdod' && found.includes('it_cube')) continue;
    if (pattern.test(rest)) {
      found.push(type);
      rest = rest.replace(new RegExp(pattern.source, 'g'), ' ');
    }
  }
  return found;
}


/**
 * Plans and registries spell one organization many ways: «ГБОУ ДПО ТОИУУ» / «государственное бюджетное
 * образовательное учреждение … ТОИУУ», «Лицей № 18» / «лицей №18», «ИТ-КУБ» / «IT-куб», «» / "" / „“.
 * None of it tells two organizations apart, so it is folded away before names are compared.
 */

/** Abbreviated legal forms met at the start of a name (ГБОУ ДПО, МАОУ, КОГОАУ, ГАУКОДО, ГБУ КО НОО …). */
const LEGAL_FORM_TOKENS = new Set([
    'гбоу', 'мбоу', 'маоу', 'мкоу', 'моу', 'мбу', 'мау', 'мку', 'гбу', 'гау', 'гку', 'гаоу', 'гкоу', 'фгбоу', 'фгаоу',
    'фгбу', 'когоау', 'когобу', 'кгбоу', 'огбоу', 'огау', 'гбпоу', 'гапоу', 'гбоудо', 'гбудо', 'мбудо', 'мбоудо',
    'маудо', 'маоудо', 'гаукодо', 'гбуко', 'ано', 'ноо', 'поо', 'по', 'дпо', 'до', 'дод', 'ко', 'во', 'спо', 'оу', 'чоу',
    'гоу', 'нко',
]);

/** The same legal forms written out: «государственное бюджетное образовательное учреждение дополнительного …». */
const LEGAL_FORM_WORDS =
  /^(?:(?:государственн|муниципальн|федеральн|областн|бюджетн|автономн|казенн|частн|некоммерческ|нетипов|профессиональн|общеобразовательн|образовательн)\S*\s+)+(?:учреждени|организаци)\S*(?:\s+(?:(?:дополнительн|профессиональн|высш|общ|среднего)\S*\s+)*образования)?(?:\s+детей)?\s*/;

/** Words that every center or institution name carries: they neither identify one nor tell two apart. */
const FILLER_WORDS = new Set([
  'и', 'на', 'базе', 'в', 'г', 'им', 'имени', 'структурное', 'подразделение', 'п', 'с', 'пгт', 'д', 'ул',
]);

/** Type abbreviations spelled out, so that «ЦЦОД …» and «Центр цифрового образования детей …» compare equal. */
const SPELLED_OUT: [RegExp, string][] = [
  [/(^|\s)ццод(?=\s|$)/g, '$1центр цифрового образования детей'],
  [/(^|\s)цод(?=\s|$)/g, '$1центр цифрового образования'],
];

/** Legal-form words inside a name («структурное подразделение государственного бюджетного учреждения …»). */
const LEGAL_FORM_WORD = /^(?:государственн|муниципальн|бюджетн|автономн|казенн|учреждени|дополнительн)\S*$/;

/** Case, ё, quotes, dashes, «№ 18» vs «№18», dots, and ИТ / IT: one spelling for comparison. */
export function foldOrganizationText(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„‟'`]/g, ' ')
    .replace(/[‐‑–—]/g, '-')
    .replace(/\b(?:n|no)\s*(?=\d)/g, '№')
    .replace(/№\s*/g, '№')
    .replace(/(^|[^\p{L}])ит(?=[\s-]*куб)/gu, '$1it')
    .replace(/[\s-]*куб/g, '-куб')
    .replace(/(^|[^\p{L}])[гт]очк(?=\S*\s+рост)/gu, '$1точк')
    .replace(/[.,;:()[\]!?/\\]+/g, ' ')
    .replace(/\s+-\s+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return SPELLED_OUT.reduce((text, [pattern, full]) => text.replace(pattern, full), folded);
}

/** A name without its legal form, folded: equal keys mean the same organization. */
export function organizationKey(text: string): string {
  const tokens = foldOrganizationText(text).replace(LEGAL_FORM_WORDS, '').split(' ');
  let start = 0;
  while (start < tokens.length - 1 && LEGAL_FORM_TOKENS.has(tokens[start])) start++;
  return tokens.slice(start).join(' ');
}

/** The words of a name that can tell it from another (legal forms and filler dropped), for fuzzy matching. */
export function organizationTokens(text: string): string[] {
  return organizationKey(text)
    .split(' ')
    .filter((token) => token !== '' && !FILLER_WORDS.has(token) && !LEGAL_FORM_TOKENS.has(token) && !LEGAL_FORM_WORD.test(token));
}

/** «№18», «18», «10»: a name's numbers must agree for two names to be the same organization. */
export function organizationNumbers(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => token.match(/\d+/g) ?? []).sort();
}

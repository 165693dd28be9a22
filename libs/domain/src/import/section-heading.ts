export interface SectionHeading {
  number: string | null;
  title: string;
}

const NAMED = /^(?:направление|раздел|блок)\s+(\d+|[IVXLC]+)\s*[.:)]?\s*(.*)$/is;
const ROMAN = /^([IVXLC]+)\s*[.)]\s*(\S.*)$/s;
const NUMBERED = /^(\d+)\s*[.)]\s+(\p{L}.*)$/su;
const ROMAN_NUMBER = /^(?=[IVXLC])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$/;

/** «Направление 1. …», «Раздел II …», «III. …» written in one cell (usually merged across the table). */
export function parseHeadingText(text: string): SectionHeading | null {
  const named = NAMED.exec(text);
  if (named) return { number: named[1], title: named[2].trim() };
  const roman = ROMAN.exec(text);
  if (roman && ROMAN_NUMBER.test(roman[1])) return { number: roman[1], title: roman[2].trim() };
  return null;
}

/**
 * «1. Организационные мероприятия», «1. ОРГАНИЗАЦИОННОЕ СОПРОВОЖДЕНИЕ», «2. методическое сопровождение» in a
 * single merged cell: a road map's section, its events being 1.1, 1.2. Whether a title in lower case is one
 * is for the caller to judge by the events after it (`startsLowercase`).
 */
export function parseNumberedHeadingText(text: string): SectionHeading | null {
  const numbered = NUMBERED.exec(text);
  return numbered ? { number: numbered[1], title: numbered[2].trim() } : null;
}

export function isRomanNumber(text: string): boolean {
  return ROMAN_NUMBER.test(text.trim());
}

export function startsLowercase(text: string): boolean {
  return /^\p{Ll}/u.test(text);
}

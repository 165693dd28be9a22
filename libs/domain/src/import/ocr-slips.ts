export interface OcrFix {
  from: string;
  to: string;
}

/**
 * Scanned plans misread a few letters of the names every plan repeats («Гочка роста», a Latin «o» in «Тoчка»);
 * only unambiguous slips of those names are fixed, each reported so a person can check it.
 */
const SLIPS: Array<[RegExp, string]> = [[/[ГTТ][oо]чк(а|и|е|у|ой|ам|ах)(\s+)рост(\p{L}*)/gu, 'Точк$1$2рост$3']];

export function fixOcrSlips(text: string): { text: string; fixes: OcrFix[] } {
  const fixes: OcrFix[] = [];
  let result = text;
  for (const [pattern, replacement] of SLIPS) {
    result = result.replace(pattern, (match: string) => {
      const fixed = match.replace(new RegExp(pattern.source, 'u'), replacement);
      if (fixed !== match) fixes.push({ from: match, to: fixed });
      return fixed;
    });
  }
  return { text: result, fixes };
}

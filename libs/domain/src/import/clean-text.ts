const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  quot: '"',
  laquo: '«',
  raquo: '»',
  amp: '&',
  lt: '<',
  gt: '>',
  ndash: '–',
  mdash: '—',
};

/**
 * Text extracted from Word/PDF keeps fragments of the converter's markup (`<p>`, `<b>`, `**`, `\_`)
 * and odd spaces; none of it is content. Line breaks are kept: inside a cell they separate sub-items.
 */
export function cleanText(text: string): string {
  return text
    .replace(/<\/?(?:p|b|i|u|s|strong|em|span|div|sup|sub|font)\b[^>]*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/&(nbsp|quot|laquo|raquo|amp|lt|gt|ndash|mdash);/g, (_, name: string) => ENTITIES[name])
    .replace(/\*\*|__/g, '')
    .replace(/\\([_*\[\]()#.\-!`>])/g, '$1')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Comparison form: case, ё, quote style and spacing do not make two texts different. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["“”„«»']/g, '')
    .replace(/[‐‑–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

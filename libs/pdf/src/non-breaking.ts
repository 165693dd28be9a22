import type { Content } from 'pdfmake/interfaces';

/**
 * pdfmake breaks lines wherever the Unicode line-breaking rules allow: after a hyphen or a slash followed by a
 * letter («№ 69-|пп», «№ 1375/|ПК») and at any space («№ |69-пп», «О.Е. |Калинина»). In justified text it also
 * spreads the spare width over every piece it split, so «69-пп» in the middle of a line is printed as «69- пп».
 * Requisites must never be split, so such spans become one `noWrap` inline: its text is printed as one string
 * with ordinary characters (a reader copying it, or pdftotext, gets «№ 69-пп» exactly), and a line may break
 * only before or after it. No-break characters are not used: U+2011 would change the text a reader copies.
 */

const MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const INITIALS = '\\p{Lu}\\.[ \\t]?(?:\\p{Lu}\\.)?';
const SURNAME = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?';

/** What must stay on one line, each match widened to the whole words it touches. */
const KEPT: readonly RegExp[] = [
  // «№ 69-пп», «№1375/ПК», «№ 073-09-2024-597»
  /№[ \t]*\S+/gu,
  // a number joined by a hyphen or slash: «2024-2025», «1083/ПК», «69-пп»
  /\d[-/‐]\S|\S[-/‐]\d/gu,
  // «14 марта 2023 г.», «15-20 декабря 2023 года», «1 сентября»
  new RegExp(`${NOT_LETTER_BEFORE}\\d{1,2}(?:[-–]\\d{1,2})?[ \\t]+(?:${MONTHS})(?:[ \\t]+\\d{4}(?:[ \\t]+(?:г\\.|года))?)?${NOT_LETTER_AFTER}`, 'giu'),
  // «2023 г.», «2024-2025 гг.», «2024 года»
  new RegExp(`\\d{4}[ \\t]+(?:гг?\\.|года)${NOT_LETTER_AFTER}`, 'gu'),
  // «И.И. Иванов», «О.Е.Калинина», «Иванов И.И.»
  new RegExp(`${NOT_LETTER_BEFORE}${INITIALS}[ \\t]?${SURNAME}${NOT_LETTER_AFTER}`, 'gu'),
  new RegExp(`${NOT_LETTER_BEFORE}${SURNAME}[ \\t]${INITIALS}`, 'gu'),
];

/** In justified text any hyphenated or slashed word would gain a gap mid-line: «организационно- методической». */
const JOINED_WORD = /\S[-/‐]\S/gu;

export interface NonBreakingOptions {
  /**
   * The longest span kept whole, in characters: a `noWrap` inline wider than its column would run over the
   * column's edge, so a longer span (a whole date in a narrow cell) falls back to its shorter parts.
   */
  maxChars: number;
  /** Justified paragraphs: hyphenated words are kept whole too. */
  justified?: boolean;
  /** Headings: the last two words are kept together, so the last line never holds a single word. */
  heading?: boolean;
}

interface Span {
  start: number;
  end: number;
}

/** The text as pdfmake inlines with the spans that must not break kept whole; a plain string when none. */
export function nonBreaking(text: string, options: NonBreakingOptions): string | Content[] {
  const spans = keptSpans(text, options);
  if (spans.length === 0) return text;
  const inlines: Content[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) inlines.push(text.slice(at, span.start));
    // The trailing space rides with the span: a separate « » inline would get a second justification gap.
    const end = span.end + (/^[ \t]+/.exec(text.slice(span.end))?.[0].length ?? 0);
    inlines.push({ text: text.slice(span.start, end), noWrap: true });
    at = end;
  }
  if (at < text.length) inlines.push(text.slice(at));
  return inlines;
}

/** Whether a line may break at the space at `index` (text-chunks cuts long cells only there). */
export function breaksAt(text: string, index: number, maxChars: number): boolean {
  return !keptSpans(text, { maxChars }).some((span) => span.start < index && index < span.end);
}

/** Sorted, disjoint spans; overlapping ones merge when the union still fits `maxChars`. */
function keptSpans(text: string, options: NonBreakingOptions): Span[] {
  const patterns = options.justified ? [...KEPT, JOINED_WORD] : KEPT;
  const found: Span[] = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => wholeWords(text, m.index, m.index + m[0].length)));
  if (options.heading) {
    const lastTwo = /\S+[ \t]+\S+\s*$/u.exec(text);
    if (lastTwo) found.push(wholeWords(text, lastTwo.index, lastTwo.index + lastTwo[0].trimEnd().length));
  }
  const fitting = found.filter((span) => span.end - span.start <= options.maxChars).sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  for (const span of fitting) {
    const last = spans[spans.length - 1];
    if (!last || span.start >= last.end) {
      spans.push({ ...span });
    } else if (Math.max(last.end, span.end) - last.start <= options.maxChars) {
      last.end = Math.max(last.end, span.end);
    }
  }
  return spans;
}

/** A span never starts or ends inside a word: «(№ 69-пп)» is kept with its brackets. */
function wholeWords(text: string, start: number, end: number): Span {
  while (start > 0 && !/\s/u.test(text[start - 1])) start -= 1;
  while (end < text.length && !/\s/u.test(text[end])) end += 1;
  return { start, end };
}

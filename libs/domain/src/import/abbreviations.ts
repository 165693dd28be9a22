import { foldText } from './clean-text';

/** Inline definitions «полное наименование (далее – сокращение)» collected from the whole document. */
export type Abbreviations = Map<string, { short: string; full: string }>;

const DEFINITION = /\(\s*далее(?:\s+по\s+тексту)?\s*(,?\s*соответственно)?\s*[-–—:]?\s*([^()]+)\)/gi;

export function collectAbbreviations(texts: Iterable<string>, into: Abbreviations = new Map()): Abbreviations {
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const full = nameBefore(text, match.index ?? 0);
      if (full === '') continue;
      const shorts = match[1] ? splitTopLevel(match[2]) : [match[2]];
      shorts.forEach((short, index) => {
        const expansion = match[1] ? respectiveFull(full, short, index) : full;
        const key = abbreviationKey(short);
        if (expansion && key && !into.has(key)) into.set(key, { short: short.trim(), full: expansion });
      });
    }
  }
  return into;
}

/** Quote style, case and spacing differ between the definition and its uses. */
export function abbreviationKey(text: string): string {
  return foldText(text.replace(/[«»"]/g, ''));
}

export function withoutDefinitions(text: string): string {
  return text.replace(DEFINITION, '').replace(/\s+/g, ' ').trim();
}

/** The full name of a whole item, or null when the item is not a defined abbreviation. */
export function expandAbbreviation(item: string, abbreviations: Abbreviations): string | null {
  const found = abbreviations.get(abbreviationKey(item));
  return found ? capitalize(found.full) : null;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name defined is the list item the definition closes: back to the previous comma, semicolon or line. */
function nameBefore(text: string, end: number): string {
  // «… (далее – ИРО) и центр оценки качества (далее – ЦОКО)»: a definition closes the name before it.
  const previous = [...text.slice(0, end).matchAll(DEFINITION)].pop();
  const bound = previous ? (previous.index ?? 0) + previous[0].length : 0;
  let depth = 0;
  let start = bound;
  for (let i = end - 1; i >= bound; i--) {
    const char = text[i];
    if (char === '»' || char === ')') depth++;
    else if (char === '«' || char === '(') depth--;
    else if (depth <= 0 && /[,;:\n]/.test(char)) {
      start = i + 1;
      break;
    }
  }
  return withoutDefinitions(text.slice(start, end))
    .replace(/^(?:и|а также)\s+/i, '')
    .trim();
}

/**
 * «Управление общего образования министерства … (далее, соответственно – управление общего образования,
 * министерство)»: each short name abbreviates the part of the full name that starts with its first word
 * (in any case form: «министерства» for «министерство»).
 */
function respectiveFull(full: string, short: string, index: number): string | null {
  const firstWord = short.trim().split(/\s+/)[0] ?? '';
  const stem = firstWord.toLowerCase().slice(0, Math.max(4, firstWord.length - 2));
  const words = [...full.matchAll(/[\p{L}\d-]+/gu)];
  const from = index === 0 ? words : words.slice(1);
  const start = from.find((word) => word[0].toLowerCase().startsWith(stem));
  if (!start || start.index === undefined) return null;
  return `${firstWord}${full.slice(start.index + start[0].length)}`;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '«') depth++;
    if (char === '»') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

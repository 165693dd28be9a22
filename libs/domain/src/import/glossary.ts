import { foldText } from './clean-text';
import type { GlossaryEntry } from './imported-plan.types';
import type { SourceBlock } from './source-blocks';

/** «Список сокращений», «Используемые сокращения», «Перечень принятых сокращений», «Глоссарий»: a heading alone on its line. */
const HEADING = /^(?:(?:список|перечень)\s+(?:используемых\s+|принятых\s+)?(?:сокращений|аббревиатур)|(?:используемые|принятые)\s+(?:сокращения|аббревиатуры)|сокращения|глоссарий)$/;
/** «ТОИУУ – Тверской областной институт …», the dash spaced on both sides (a hyphen inside a name is not one). */
const LIST_ENTRY = /^(.+?)\s+[-–—]\s+(.+?)[;.,]?$/;
/** The glossary table's own header: «Сокращение | Полное наименование», «Аббревиатура | Расшифровка». */
const TABLE_HEADER = /^(?:№|n\s*п\/п|п\/п|сокращени|аббревиатур|краткое|полное|расшифровк|наименовани)/;
/** A short form is short: a few words, never a sentence. */
const MAX_SHORT_WORDS = 6;
const MAX_SHORT_LENGTH = 80;

/**
 * Takes a plan's list of abbreviations out of its blocks, wherever it stands (before the plan's table or
 * after it): a heading, then entries as table rows (short form, full form, maybe a number first) or as
 * lines «КО – комитет образования». The blocks go on without it, so its rows are never read as events.
 */
export function extractGlossary(blocks: readonly SourceBlock[]): { blocks: SourceBlock[]; glossary: GlossaryEntry[] } {
  const taken = new Set<number>();
  const glossary: GlossaryEntry[] = [];
  blocks.forEach((block, at) => {
    const [heading, ...inline] = singleText(block)?.split('\n') ?? [];
    if (taken.has(at) || heading === undefined || !HEADING.test(foldText(heading))) return;
    const found = inline.map(listEntry);
    if (found.some((entry) => entry === null)) return;
    const entries = found as GlossaryEntry[];
    const consumed = [at];
    for (let next = at + 1; next < blocks.length; next++) {
      const more = entriesOf(blocks[next]);
      if (more === null) break;
      entries.push(...more);
      consumed.push(next);
    }
    if (entries.length === 0) return;
    consumed.forEach((index) => taken.add(index));
    glossary.push(...entries);
  });
  return { blocks: blocks.filter((_, index) => !taken.has(index)), glossary };
}

/** The entries a block holds, [] for the table's own header, null when the block is not part of a glossary. */
function entriesOf(block: SourceBlock): GlossaryEntry[] | null {
  if (!block.isRow) {
    const entries = block.cells[0].split('\n').map(listEntry);
    return entries.every((entry) => entry !== null) ? (entries as GlossaryEntry[]) : null;
  }
  const filled = block.cells.filter((cell) => cell !== '');
  if (filled.length > 0 && filled.every((cell) => TABLE_HEADER.test(foldText(cell)))) return [];
  const [short, full] = filled.length === 3 && /^\d+\.?$/.test(filled[0]) ? filled.slice(1) : filled;
  if (filled.length < 2 || filled.length > 3 || !isShortForm(short) || full.length <= short.length) return null;
  return [{ short, full }];
}

function listEntry(line: string): GlossaryEntry | null {
  const match = LIST_ENTRY.exec(line.trim());
  if (!match || !isShortForm(match[1]) || match[2].length <= match[1].length) return null;
  return { short: match[1].trim(), full: match[2].trim() };
}

function isShortForm(text: string): boolean {
  return text.length <= MAX_SHORT_LENGTH && text.split(/\s+/).length <= MAX_SHORT_WORDS;
}

/** The one text of a paragraph, or of a row merged across the table (a heading spanning every column). */
function singleText(block: SourceBlock): string | null {
  const distinct = new Set(block.cells.filter((cell) => cell !== ''));
  return distinct.size === 1 ? [...distinct][0] : null;
}

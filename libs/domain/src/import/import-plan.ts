import { abbreviationKey, collectAbbreviations, type Abbreviations } from './abbreviations';
import { buildDeadline } from './build-deadline';
import { cleanText } from './clean-text';
import { assertPlanSize, decodePlanBytes, sniffBinaryFormat } from './decode-plan-bytes';
import { detectLayout } from './detect-header';
import { directionCode } from './direction-codes';
import { findDuplicates } from './find-duplicates';
import { extractGlossary } from './glossary';
import type { ImportedPlanFile, ImportedSection, ImportWarning } from './imported-plan.types';
import { interpretRows, type DraftSection } from './interpret-rows';
import { fixOcrSlips } from './ocr-slips';
import { PlanImportError } from './plan-import-error';
import { PLAN_IMPORT_LIMITS, type PlanImportLimits } from './import-limits';
import { docxDocumentXml, notWordDocument, readDocxBlocks } from './read-docx-tables';
import { pdfAsText } from './read-pdf-text';
import { readTextBlocks } from './read-text-blocks';
import { readXlsxPlanBlocks } from './read-xlsx-plan';
import { isXlsx } from './read-xlsx-sheets';
import { recogniseOrder, type PreambleLine } from './recognise-order';
import { resolvePlanPeriod } from './resolve-plan-period';
import { responsibleNames } from './responsible-names';
import type { SourceBlock } from './source-blocks';
import type { PlanPeriod } from '../schedule/schedule.types';

/** A plan (with the order around it, if any) from text extracted from Word or PDF, tab-separated cells. */
export function importPlanText(text: string): ImportedPlanFile {
  return importBlocks(readTextBlocks(text));
}

/** The same from the .docx itself: its tables and paragraphs go through the same interpreter as text. */
export async function importPlanDocx(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  const xml = docxDocumentXml(bytes, limits);
  if (xml === null) throw notWordDocument();
  return importBlocks(readDocxBlocks(xml, limits));
}

/** The same from an Excel workbook: the sheet with the plan's table, its rows read like a Word table's. */
export async function importPlanXlsx(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  const { blocks, warnings } = await readXlsxPlanBlocks(bytes, limits);
  const file = importBlocks(blocks);
  return { ...file, warnings: [...warnings, ...file.warnings] };
}

/**
 * The same from a PDF with a text layer, laid out as text first; a scan without one is refused. pdfjs is an
 * ES module, so this runs only where a real dynamic import does: on the import's worker thread
 * (`importPlanFileIsolated`) or in plain Node, not inside jest's module sandbox.
 */
export async function importPlanPdf(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  return importPlanText(await pdfAsText(bytes));
}

/**
 * Whatever the user uploaded: a .docx, .xlsx or PDF is recognised by its content, anything else must decode as text.
 * It runs on the caller's thread; for a file from outside use `importPlanFileIsolated`, which also bounds
 * the time and memory it takes.
 */
export async function importPlanFile(bytes: Uint8Array, limits: PlanImportLimits = PLAN_IMPORT_LIMITS): Promise<ImportedPlanFile> {
  assertPlanSize(bytes, limits.maxFileBytes);
  const xml = docxDocumentXml(bytes, limits);
  if (xml !== null) return importBlocks(readDocxBlocks(xml, limits));
  if (isXlsx(bytes, limits)) return importPlanXlsx(bytes, limits);
  if (sniffBinaryFormat(bytes) === 'pdf') return importPlanPdf(bytes, limits);
  return importPlanText(decodePlanBytes(bytes, { maxBytes: limits.maxFileBytes }).text);
}

function importBlocks(source: SourceBlock[]): ImportedPlanFile {
  const warnings: ImportWarning[] = [];
  const cleaned = source.map((block) => ({ ...block, cells: block.cells.map((cell) => clean(cell, block.line, warnings)) }));
  const { blocks, glossary } = extractGlossary(cleaned);
  const headerAt = blocks.findIndex((block) => block.isRow && detectLayout(block.cells) !== null);
  if (headerAt < 0) {
    throw blocks.some((block) => block.isRow)
      ? new PlanImportError('no-header', 'у таблицы нет узнаваемой шапки (№, Мероприятие, Сроки, Ответственный)', 'the table has no recognisable header')
      : new PlanImportError('no-table', 'не найдена таблица мероприятий', 'no table of events found');
  }
  const layout = detectLayout(blocks[headerAt].cells);
  if (!layout) throw new Error('unreachable: header detected above');
  const table = interpretRows(blocks.slice(headerAt), layout);
  const preamble = preambleLines(blocks.slice(0, headerAt));
  const order = recogniseOrder(preamble);
  const drafts = table.sections.flatMap((section) => section.events);

  // The glossary is the document's own word on its abbreviations; inline definitions add what it leaves out.
  const fromGlossary: Abbreviations = new Map(glossary.map((entry) => [abbreviationKey(entry.short), entry]));
  const glossaryKeys = new Set(fromGlossary.keys());
  const abbreviations = collectAbbreviations([...preamble.map((line) => line.text), ...drafts.flatMap((event) => Object.values(event.fields))], fromGlossary);
  const resolved = resolvePlanPeriod(
    order.periodTexts,
    order.document.date ?? order.document.approval?.date ?? null,
    drafts.map((event) => event.fields.deadline),
  );
  if (resolved.warning) warnings.push({ line: null, message: resolved.warning });

  const sections = table.sections.map((section) => toSection(section, resolved.period, abbreviations));
  warnings.push(...table.warnings, ...order.warnings, ...findDuplicates(sections.flatMap((s) => s.events)));
  const defined = [...abbreviations].map(([key, { short, full }]) => ({ short, full, source: glossaryKeys.has(key) ? ('glossary' as const) : ('inline' as const) }));
  return {
    document: {
      ...order.document,
      ...(glossary.length > 0 ? { glossary } : {}),
      ...(defined.length > 0 ? { abbreviations: defined } : {}),
    },
    plan: { title: order.planTitle, period: resolved.period, sections },
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

function toSection(
  section: DraftSection,
  period: PlanPeriod,
  abbreviations: ReturnType<typeof collectAbbreviations>,
): ImportedSection {
  return {
    number: section.number,
    title: section.title,
    directionCode: directionCode(section.title),
    events: section.events.map((event) => ({
      number: event.number,
      title: event.fields.title,
      content: event.fields.content || null,
      audience: event.fields.audience || null,
      expectedResult: event.fields.expectedResult || null,
      deadline: buildDeadline(event.fields.deadline, period),
      responsible: responsibleNames(event.fields.responsible, abbreviations),
      line: event.line,
    })),
  };
}

function clean(cell: string, line: number, warnings: ImportWarning[]): string {
  const { text, fixes } = fixOcrSlips(cleanText(cell));
  for (const fix of fixes) {
    warnings.push({ line, message: `Исправлена ошибка распознавания: «${fix.from}» → «${fix.to}»` });
  }
  return text;
}

/** Paragraphs wrap over lines; a row before the table (a signature laid out with tabs) reads as one line. */
function preambleLines(blocks: SourceBlock[]): PreambleLine[] {
  return blocks.flatMap((block) => {
    const text = block.isRow ? block.cells.filter(Boolean).join(' ') : block.cells[0];
    return text.split('\n').map((line, index) => ({ line: block.line + index, text: line, startsParagraph: index === 0 }));
  });
}

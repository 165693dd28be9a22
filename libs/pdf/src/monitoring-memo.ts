import { MEMO_NAMES, type MemoKind } from '@eduplan/contracts';
import { formatRuDate } from '@eduplan/domain';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Bar, stackedBarChart } from './bar-chart';
import { issuerInRunningText } from './issuer-names';
import { memoPeriodText, memoTitle, type MemoPeriod } from './memo-title';
import { nonBreaking } from './non-breaking';
import { contentWidth, FONT_SIZE, mm, officialDocument } from './page-setup';
import { renderDocument, RenderOptions } from './pdf-printer';
import { Signatory, signatureBlock } from './signature-block';
import { charsPerLine } from './text-chunks';

/** Events by outcome in the period; `planned` counts those due, the rest may leave some unreported. */
export interface ExecutionCounts {
  planned: number;
  held: number;
  partlyHeld: number;
  notHeld: number;
  postponed: number;
}

export interface SectionFigures {
  number: string | null;
  title: string;
  counts: ExecutionCounts;
  participants: number;
}

export interface OrganizationFigures {
  name: string;
  counts: ExecutionCounts;
  participants: number;
}

export interface IndicatorFigures {
  name: string;
  unit: string;
  target: number;
  actual: number;
}

export interface NotHeldEvent {
  number: string | null;
  title: string;
  responsible: string;
  reason: string;
}

/** The aggregated monitoring results a memo is rendered from (the reporting service produces them). */
export interface MonitoringFigures {
  /** The quarterly analytical memo, or the справка по результатам мониторинга at the end of the plan's period. */
  kind: MemoKind;
  issuer: string;
  /** The monitored plan, «Комплексный план мероприятий …». */
  title: string;
  period: MemoPeriod;
  /** `YYYY-MM-DD`; null before registration. */
  date: string | null;
  number: string | null;
  sections: SectionFigures[];
  organizations: OrganizationFigures[];
  indicators: IndicatorFigures[];
  notHeld: NotHeldEvent[];
  signatory: Signatory | null;
}

const COLORS = { held: '#2e7d32', partlyHeld: '#f9a825', postponed: '#1565c0', notHeld: '#c62828' } as const;

const HEADING_INDENT = mm(10);
const TEXT_LINE = charsPerLine({ width: contentWidth('portrait'), fontSize: FONT_SIZE.body });
const HEADING_LINE = charsPerLine({ width: contentWidth('portrait') - 2 * HEADING_INDENT, fontSize: FONT_SIZE.body });

export function renderMonitoringMemoPdf(figures: MonitoringFigures, options?: RenderOptions): Promise<Buffer> {
  return renderDocument(figures, memoDefinition, options);
}

function memoDefinition(figures: MonitoringFigures): TDocumentDefinitions {
  const name = MEMO_NAMES[figures.kind];
  const total = sumCounts(figures.sections.map((section) => section.counts));
  const participants = figures.sections.reduce((sum, section) => sum + section.participants, 0);
  const content: Content[] = [
    { text: figures.issuer.toUpperCase(), bold: true, alignment: 'center' },
    { text: name.kind.toUpperCase(), bold: true, fontSize: 16, alignment: 'center', margin: [0, 18, 0, 4] },
    {
      text: nonBreaking(`${name.about} ${memoPeriodText(figures.period)}`, { maxChars: HEADING_LINE, heading: true }),
      bold: true,
      alignment: 'center',
      margin: [HEADING_INDENT, 0, HEADING_INDENT, 6],
    },
    // The plan title is printed as given (nominative) on its own line, so the heading never has to decline it.
    { text: `«${figures.title.trim()}»`, alignment: 'center', fontSize: 12, margin: [HEADING_INDENT, 0, HEADING_INDENT, 12] },
    ...(figures.date || figures.number
      ? [{ columns: [{ text: figures.date ? formatRuDate(figures.date) : '' }, { text: figures.number ? `№ ${figures.number}` : '', alignment: 'right' as const }], margin: [0, 0, 0, 12] } as Content]
      : []),
    paragraph(summary(figures.period.label, total, participants)),
    subheading('1. Исполнение плана по направлениям'),
    countsTable('Направление', figures.sections.map((section) => ({ label: sectionLabel(section), counts: section.counts, participants: section.participants })), total, participants),
    {
      stack: [
        stackedBarChart(figures.sections.map(sectionBar), legend(), contentWidth('portrait'), FONT_SIZE.small),
        { text: 'Рисунок 1 – Исполнение плана по направлениям', fontSize: FONT_SIZE.small, alignment: 'center', margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
      margin: [0, 10, 0, 0],
    },
    subheading('2. Исполнение плана ответственными организациями'),
    countsTable('Организация', figures.organizations.map((organization) => ({ label: organization.name, counts: organization.counts, participants: organization.participants })), sumCounts(figures.organizations.map((organization) => organization.counts)), figures.organizations.reduce((sum, organization) => sum + organization.participants, 0)),
    subheading('3. Достижение показателей'),
    ...indicatorsTable(figures.indicators),
    subheading('4. Мероприятия, не проведённые в установленные сроки'),
    ...notHeldTable(figures.notHeld),
    ...(figures.signatory ? [signatureBlock(figures.signatory, undefined)] : []),
  ];
  return officialDocument(
    { title: memoTitle(figures.kind, figures.period), author: issuerInRunningText(figures.issuer) },
    content,
  );
}

function summary(periodLabel: string, total: ExecutionCounts, participants: number): string {
  return (
    `За ${periodLabel} к проведению запланировано мероприятий: ${total.planned}; проведено: ${total.held} ` +
    `(${percent(total.held, total.planned)}), проведено частично: ${total.partlyHeld}, перенесено: ${total.postponed}, ` +
    `не проведено: ${total.notHeld}. Общее число участников: ${participants}.`
  );
}

/** Execution rate: events held in full over events due; partial ones are shown but not counted as held. */
function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '—';
}

function sumCounts(all: ExecutionCounts[]): ExecutionCounts {
  return all.reduce(
    (sum, counts) => ({
      planned: sum.planned + counts.planned,
      held: sum.held + counts.held,
      partlyHeld: sum.partlyHeld + counts.partlyHeld,
      notHeld: sum.notHeld + counts.notHeld,
      postponed: sum.postponed + counts.postponed,
    }),
    { planned: 0, held: 0, partlyHeld: 0, notHeld: 0, postponed: 0 },
  );
}

function sectionLabel(section: SectionFigures): string {
  return section.number ? `${section.number.replace(/\.$/, '')}. ${section.title}` : section.title;
}

function sectionBar(section: SectionFigures): Bar {
  const { counts } = section;
  const short = sectionLabel(section);
  return {
    label: short.length > 48 ? `${short.slice(0, 47).trimEnd()}…` : short,
    total: counts.planned,
    segments: [
      { value: counts.held, color: COLORS.held },
      { value: counts.partlyHeld, color: COLORS.partlyHeld },
      { value: counts.postponed, color: COLORS.postponed },
      { value: counts.notHeld, color: COLORS.notHeld },
    ],
    valueText: percent(counts.held, counts.planned),
  };
}

function legend() {
  return [
    { label: 'проведено', color: COLORS.held },
    { label: 'частично', color: COLORS.partlyHeld },
    { label: 'перенесено', color: COLORS.postponed },
    { label: 'не проведено', color: COLORS.notHeld },
  ];
}

interface CountsRow {
  label: string;
  counts: ExecutionCounts;
  participants: number;
}

// Hyphenated by hand, as Russian tables do, so the seven figures fit a portrait page.
const COUNT_HEADERS = ['План', 'Прове-\nдено', 'Частич-\nно', 'Перене-\nсено', 'Не про-\nведено', 'Испол-\nнение', 'Участ-\nники'];

function countsTable(what: string, rows: CountsRow[], total: ExecutionCounts, participants: number): Content {
  const numbers = (counts: ExecutionCounts, people: number, bold = false): TableCell[] =>
    [counts.planned, counts.held, counts.partlyHeld, counts.postponed, counts.notHeld, percent(counts.held, counts.planned), people].map(
      (value) => ({ text: String(value), alignment: 'center', bold }),
    );
  const body: TableCell[][] = [
    [what, ...COUNT_HEADERS].map((text) => ({ text, bold: true, alignment: 'center', fontSize: 9 })),
    ...rows.map((row) => [{ text: row.label }, ...numbers(row.counts, row.participants)]),
    [{ text: 'Итого', bold: true }, ...numbers(total, participants, true)],
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['*', 28, 34, 34, 36, 36, 36, 40], body },
    fontSize: FONT_SIZE.small,
    margin: [0, 4, 0, 0],
  };
}

function indicatorsTable(indicators: IndicatorFigures[]): Content[] {
  if (indicators.length === 0) return [paragraph('Показатели на отчётный период не установлены.')];
  const body: TableCell[][] = [
    ['Показатель', 'Ед. изм.', 'План', 'Факт', 'Достижение'].map((text) => ({ text, bold: true, alignment: 'center' })),
    ...indicators.map((indicator): TableCell[] => [
      indicator.name,
      { text: indicator.unit, alignment: 'center' },
      { text: formatNumber(indicator.target), alignment: 'center' },
      { text: formatNumber(indicator.actual), alignment: 'center' },
      { text: percent(indicator.actual, indicator.target), alignment: 'center', bold: indicator.actual < indicator.target },
    ]),
  ];
  return [{ table: { headerRows: 1, dontBreakRows: true, widths: ['*', 50, 50, 50, 60], body }, fontSize: FONT_SIZE.small, margin: [0, 4, 0, 0] }];
}

function notHeldTable(events: NotHeldEvent[]): Content[] {
  if (events.length === 0) return [paragraph('Все мероприятия, запланированные на отчётный период, проведены.')];
  const body: TableCell[][] = [
    ['№', 'Мероприятие', 'Ответственный', 'Причина'].map((text) => ({ text, bold: true, alignment: 'center' })),
    ...events.map((event): TableCell[] => [event.number ?? '', event.title, event.responsible, event.reason]),
  ];
  return [{ table: { headerRows: 1, dontBreakRows: true, widths: [26, '*', 120, 120], body }, fontSize: FONT_SIZE.small, margin: [0, 4, 0, 0] }];
}

function formatNumber(value: number): string {
  return value.toLocaleString('ru-RU');
}

function paragraph(text: string): Content {
  return {
    text: nonBreaking(text, { maxChars: TEXT_LINE, justified: true }),
    alignment: 'justify',
    leadingIndent: mm(12.5),
    lineHeight: 1.1,
    margin: [0, 0, 0, 6],
  };
}

function subheading(text: string): Content {
  return { text, bold: true, margin: [0, 12, 0, 4], headlineLevel: 1 };
}

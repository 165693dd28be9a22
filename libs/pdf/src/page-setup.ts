import type { Content, DynamicContent, Margins, Node, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { SERIF } from './fonts';

/** Millimetres to PDF points. */
export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}

/** ГОСТ Р 7.0.97-2025 §5.2: left 30 mm (binding), right 10–15 mm, top and bottom 20 mm — on landscape pages too. */
export const PAGE_MARGINS: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];

export const A4 = { width: 595.28, height: 841.89 };

/** Width available to content between the margins. */
export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  return pageWidth - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/** Height available to content between the margins. */
export function contentHeight(orientation: 'portrait' | 'landscape'): number {
  const pageHeight = orientation === 'portrait' ? A4.height : A4.width;
  return pageHeight - PAGE_MARGINS[1] - PAGE_MARGINS[3];
}

export const FONT_SIZE = { body: 14, table: 11, small: 10 } as const;

/** Line height pdfmake gives Liberation Serif (ascender + descender), used to estimate table row heights. */
export const LINE_HEIGHT_EM = 1.15;

/** ГОСТ: pages are numbered from the second one, the number centred in the top margin. */
const pageNumberHeader: DynamicContent = (currentPage: number): Content | null =>
  currentPage < 2
    ? null
    : { text: String(currentPage), alignment: 'center', fontSize: 12, margin: [0, mm(10), 0, 0] as Margins };

const draftWatermark: Watermark = { text: 'ПРОЕКТ', font: SERIF, bold: true, color: '#7f7f7f', opacity: 0.15 };

/** Room a subheading needs below it for a table header and a first row. */
const ORPHAN_ROOM = 72;

/**
 * A subheading (headlineLevel 1) with no room left below it moves to the next page with what it introduces.
 * Declared with one parameter on purpose: pdfmake then skips collecting neighbouring nodes, a quadratic scan.
 */
function subheadingWouldBeOrphaned(node: Node): boolean {
  if (node.headlineLevel !== 1) return false;
  const { verticalRatio, pageInnerHeight } = node.startPosition;
  return (1 - verticalRatio) * pageInnerHeight < ORPHAN_ROOM;
}

export interface PageSetup {
  title: string;
  author: string;
  draft?: boolean;
  orientation?: 'portrait' | 'landscape';
  footer?: DynamicContent;
}

/** The frame every official document shares: A4, ГОСТ margins, serif font, page numbers, draft watermark. */
export function officialDocument(setup: PageSetup, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: setup.orientation ?? 'portrait',
    pageMargins: PAGE_MARGINS,
    info: { title: setup.title, author: setup.author, creator: 'eduplan', producer: 'eduplan (pdfmake)' },
    defaultStyle: { font: SERIF, fontSize: FONT_SIZE.body, lineHeight: 1 },
    header: pageNumberHeader,
    footer: setup.footer,
    watermark: setup.draft ? draftWatermark : undefined,
    pageBreakBefore: subheadingWouldBeOrphaned,
    content,
  };
}

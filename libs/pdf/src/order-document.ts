import type { Content, Margins } from 'pdfmake/interfaces';
import { nonBreaking } from './non-breaking';
import { contentWidth, FONT_SIZE, mm } from './page-setup';
import { charsPerLine } from './text-chunks';
import { Signatory, signatureBlock, SignatureStamp } from './signature-block';

export type OrderKind = 'prikaz' | 'rasporyazhenie';

/** The requisites of the first page, already resolved (a draft has blanks for date and number). */
export interface OrderRequisites {
  kind: OrderKind;
  issuer: string;
  /** `DD.MM.YYYY` or blanks. */
  date: string;
  number: string;
  place: string | null;
  heading: string;
  preamble: string | null;
  points: string[];
  signatory: Signatory;
  signatureStamp?: SignatureStamp;
}

const KIND_TITLE: Record<OrderKind, string> = {
  prikaz: 'П Р И К А З',
  rasporyazhenie: 'Р А С П О Р Я Ж Е Н И Е',
};

/** ГОСТ Р 7.0.97: first-line indent of running text, 1.25 cm. */
const PARAGRAPH_INDENT = mm(12.5);
const HEADING_INDENT = mm(10);

const TEXT_LINE = charsPerLine({ width: contentWidth('portrait'), fontSize: FONT_SIZE.body });
const HEADING_LINE = charsPerLine({ width: contentWidth('portrait') - 2 * HEADING_INDENT, fontSize: FONT_SIZE.body });

/** The order itself (portrait pages): letterhead requisites, heading, text, points, signature. */
export function orderContent(order: OrderRequisites): Content[] {
  return [
    { text: order.issuer.toUpperCase(), bold: true, alignment: 'center', margin: [mm(10), 0, mm(10), 0] },
    { text: KIND_TITLE[order.kind], bold: true, fontSize: 16, alignment: 'center', margin: [0, 18, 0, 18] },
    {
      columns: [
        { width: '*', text: order.date },
        { width: '*', text: nonBreaking(`№ ${order.number}`, { maxChars: TEXT_LINE / 2 }), alignment: 'right' },
      ],
    },
    ...(order.place ? [{ text: order.place, alignment: 'center' as const, fontSize: 12, margin: [0, 6, 0, 0] as Margins }] : []),
    {
      text: nonBreaking(order.heading, { maxChars: HEADING_LINE, heading: true }),
      bold: true,
      alignment: 'center',
      margin: [HEADING_INDENT, 24, HEADING_INDENT, 18],
    },
    ...textParagraphs(order),
    signatureBlock(order.signatory, order.signatureStamp),
  ];
}

function paragraph(text: Content[] | string): Content {
  return {
    text: (typeof text === 'string' ? [text] : text).flatMap((part) => (typeof part === 'string' ? justifiedText(part) : [part])),
    alignment: 'justify',
    leadingIndent: PARAGRAPH_INDENT,
    lineHeight: 1.1,
    margin: [0, 0, 0, 4],
  };
}

function justifiedText(text: string): Content[] {
  return [nonBreaking(text, { maxChars: TEXT_LINE, justified: true })].flat();
}

/** «В соответствии с … п р и к а з ы в а ю:» for an order; a распоряжение states its points after a colon. */
function textParagraphs(order: OrderRequisites): Content[] {
  const verb = order.kind === 'prikaz' ? 'п р и к а з ы в а ю:' : null;
  const opening: Content[] = order.preamble
    ? [paragraph(verb ? [`${order.preamble.trim()} `, { text: verb }] : `${order.preamble.trim().replace(/[.:;]$/, '')}:`)]
    : verb
      ? [paragraph(verb)]
      : [];
  const points = order.points.map((point, index) => paragraph(`${index + 1}. ${point.trim()}`));
  return [...opening, ...points];
}

import { defaultOrderPoints, formatRuDate, lowerFirst } from '@eduplan/domain';
import type { ImportedDocument, ImportedPlan } from '@eduplan/domain';
import type { DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces';
import { appendixContent } from './appendix';
import { ApprovalSheet, approvalSheetContent } from './approval-sheet';
import { issuerInRunningText } from './issuer-names';
import { OrderKind, orderContent, OrderRequisites } from './order-document';
import { mm, officialDocument, PAGE_MARGINS } from './page-setup';
import { renderDocument, RenderOptions } from './pdf-printer';
import type { SignatureStamp } from './signature-block';

export interface Registration {
  /** Journal number, «1083/ПК». */
  number: string;
  /** `YYYY-MM-DD` */
  date: string;
}

/** The order's own text; by default the imported basis and points, or one point approving the plan. */
export interface OrderText {
  /** The basis, «В соответствии с …», without the closing «приказываю:». */
  preamble: string | null;
  points: string[];
}

export interface OrderPdfOptions {
  /** Watermark «ПРОЕКТ», blanks for date and number. */
  draft: boolean;
  /** Overrides the imported date and number (a freshly registered order). */
  registration?: Registration;
  signatureStamp?: SignatureStamp;
  /** Encoded as a vector QR code at the bottom right of page 1 (ГОСТ Р 7.0.97-2025). */
  qrPayload?: string;
  /** Appended as the last page. */
  approvalSheet?: ApprovalSheet;
  text?: OrderText;
}

export interface OrderPdfInput {
  document: ImportedDocument;
  plan: ImportedPlan;
  options: OrderPdfOptions;
}

/** The input cannot make a sensible document; the message says what is missing, in Russian and English. */
export class PdfInputError extends Error {}

const BLANK_DATE = '«___» ____________ 20___ г.';
const BLANK_NUMBER = '______';
const QR_SIZE = mm(17);

/** The order with its plan as a landscape appendix, by ГОСТ Р 7.0.97-2025. */
export function renderOrderPdf(input: OrderPdfInput, options?: RenderOptions): Promise<Buffer> {
  return renderDocument(input, orderDefinition, options);
}

function orderDefinition(input: OrderPdfInput): TDocumentDefinitions {
  const order = requisitesOf(input);
  const { options, plan } = input;
  const content = [
    ...orderContent(order),
    ...appendixContent(plan, {
      kind: order.kind,
      issuer: order.issuer,
      date: options.draft ? '____________' : order.date,
      number: order.number,
    }),
    ...(options.approvalSheet
      ? [{ text: '', pageBreak: 'before' as const, pageOrientation: 'landscape' as const }, ...approvalSheetContent(options.approvalSheet)]
      : []),
  ];
  return officialDocument(
    {
      title: order.heading,
      author: issuerInRunningText(order.issuer),
      draft: options.draft,
      footer: options.qrPayload ? qrFooter(options.qrPayload) : undefined,
    },
    content,
  );
}

function requisitesOf({ document, plan, options }: OrderPdfInput): OrderRequisites {
  if (!document.issuer) {
    throw new PdfInputError('В документе не указан издатель / the document has no issuer');
  }
  const heading = document.title ?? (plan.title ? `Об утверждении ${lowerFirst(plan.title)}` : null);
  if (!heading) {
    throw new PdfInputError('Нет заголовка приказа и названия плана / neither an order heading nor a plan title');
  }
  const registration = options.registration ?? registrationOf(document);
  if (!options.draft && !registration) {
    throw new PdfInputError(
      'Нет даты и номера регистрации: укажите их или выведите проект / no registration date and number: pass them or render a draft',
    );
  }
  const kind: OrderKind = document.kind ?? 'prikaz';
  return {
    kind,
    issuer: document.issuer,
    date: options.draft || !registration ? BLANK_DATE : formatRuDate(registration.date),
    number: options.draft || !registration ? BLANK_NUMBER : registration.number,
    place: document.place,
    heading,
    preamble: options.text ? options.text.preamble : (document.basis ?? null),
    points: options.text?.points ?? importedPoints(document) ?? defaultOrderPoints(kind, plan.title),
    signatory: document.signatory ?? { position: '____________________', name: '____________' },
    signatureStamp: options.signatureStamp,
  };
}

function registrationOf(document: ImportedDocument): Registration | null {
  return document.date && document.number ? { date: document.date, number: document.number } : null;
}

/** Imported points carry their numbers («1. Утвердить …»); the renderer numbers them itself. */
function importedPoints(document: ImportedDocument): string[] | null {
  return document.points?.length ? document.points.map((point) => point.replace(/^\s*\d+[.)]\s*/, '')) : null;
}


/**
 * The QR code sits in the bottom margin of page 1 at the right edge of the text (ГОСТ Р 7.0.97-2025), so it
 * never overlaps the text. pdfmake ignores `alignment` on a QR node, hence the empty column that pushes it right.
 */
function qrFooter(payload: string): DynamicContent {
  return (currentPage: number) =>
    currentPage === 1
      ? {
          columns: [{ width: '*', text: '' }, { width: 'auto', qr: payload, fit: QR_SIZE, eccLevel: 'M' }],
          margin: [PAGE_MARGINS[0], mm(2), PAGE_MARGINS[2], 0],
        }
      : null;
}

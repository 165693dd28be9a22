import type { Content, TableCell } from 'pdfmake/interfaces';
import { FONT_SIZE, officialDocument } from './page-setup';
import { renderDocument, RenderOptions } from './pdf-printer';
import { formatDateTime } from './date-time';

export type ApprovalResult = 'approved' | 'approved_with_remarks' | 'returned';

export interface ApprovalPerson {
  /** Initials and surname, «И.И. Иванов». */
  name: string;
  position: string;
}

export interface ApprovalDecision {
  approver: ApprovalPerson;
  /** Set when a substitute (замещающий) decided for the assigned approver. */
  actingFor: ApprovalPerson | null;
  /** ISO timestamp; null while the decision is pending. */
  decidedAt: string | null;
  result: ApprovalResult | null;
  remarks: string | null;
  /** Remarks on rows of the plan: `row` names the row («1.2. Совещание …»), null for the draft as a whole. */
  rowRemarks?: { row: string | null; text: string }[];
  /** The document version the decision was made on. */
  version: number;
}

export interface ApprovalStage {
  name: string;
  decisions: ApprovalDecision[];
}

/** The лист согласования: every decision of every round, in route order. */
export interface ApprovalSheet {
  /** The heading of the document approved, «Об утверждении …». */
  documentTitle: string;
  /** Shown under the heading, e.g. «Проект приказа, версия 3». */
  documentDescription: string | null;
  /** Decision times are shown in the issuer's zone, e.g. `Europe/Moscow`. */
  timeZone: string;
  stages: ApprovalStage[];
}

const RESULT_TEXT: Record<ApprovalResult, string> = {
  approved: 'Согласовано',
  approved_with_remarks: 'Согласовано с замечаниями',
  returned: 'Возвращено на доработку',
};

const HEADERS = ['№', 'Этап', 'Согласующий', 'Должность', 'Версия', 'Дата и время', 'Результат', 'Замечания'];

/** The sheet as landscape page content; also the last page of a draft order. */
export function approvalSheetContent(sheet: ApprovalSheet): Content[] {
  const rows: TableCell[][] = [HEADERS.map((text) => ({ text, bold: true, alignment: 'center' }))];
  let index = 0;
  for (const stage of sheet.stages) {
    if (stage.decisions.length === 0) {
      rows.push([String(++index), stage.name, { text: 'Согласующие не назначены', colSpan: 6, italics: true }, {}, {}, {}, {}, {}]);
    }
    for (const decision of stage.decisions) {
      rows.push([
        String(++index),
        stage.name,
        approverCell(decision),
        decision.approver.position,
        { text: String(decision.version), alignment: 'center' },
        decision.decidedAt ? formatDateTime(decision.decidedAt, sheet.timeZone) : '—',
        decision.result ? RESULT_TEXT[decision.result] : 'Ожидает решения',
        remarksCell(decision),
      ]);
    }
  }
  return [
    { text: 'ЛИСТ СОГЛАСОВАНИЯ', bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    { text: sheet.documentTitle, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    ...(sheet.documentDescription
      ? [{ text: sheet.documentDescription, alignment: 'center' as const, margin: [0, 0, 0, 10] as [number, number, number, number] }]
      : []),
    {
      table: { headerRows: 1, dontBreakRows: true, widths: [16, 90, 90, 120, 34, 62, 84, '*'], body: rows },
      fontSize: FONT_SIZE.small,
      margin: [0, 6, 0, 0],
    },
  ];
}

/**
 * Who acted and for whom, as the sheet must record it. «за:» with a colon keeps the absent approver's name in
 * the nominative: declining Russian surnames is not worth guessing.
 */
function approverCell(decision: ApprovalDecision): Content {
  if (!decision.actingFor) return { text: decision.approver.name };
  return {
    stack: [
      { text: decision.approver.name },
      {
        text: `за: ${decision.actingFor.name} (${decision.actingFor.position}), замещающий`,
        italics: true,
      },
    ],
  };
}

/** The comment, then each remark under the plan row it points at. */
function remarksCell(decision: ApprovalDecision): Content {
  const rows = decision.rowRemarks ?? [];
  if (rows.length === 0) return decision.remarks ?? '';
  return {
    stack: [
      ...(decision.remarks ? [{ text: decision.remarks, margin: [0, 0, 0, 2] as [number, number, number, number] }] : []),
      ...rows.map((remark) => (remark.row ? { text: [{ text: `К строке ${remark.row}: `, italics: true }, remark.text] } : { text: remark.text })),
    ],
  };
}

export function renderApprovalSheetPdf(sheet: ApprovalSheet, options?: RenderOptions): Promise<Buffer> {
  return renderDocument(
    sheet,
    (printable) =>
      officialDocument(
        { title: `Лист согласования: ${printable.documentTitle}`, author: 'eduplan', orientation: 'landscape' },
        approvalSheetContent(printable),
      ),
    options,
  );
}

import type { ImportedPlanFile } from '@eduplan/domain';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const FONT = 'Liberation Serif';
const SIZE = 28; // half-points: 14 pt, as the PDF
const CM = 567; // twips per centimetre

const text = (value: string, options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: options.align, children: [new TextRun({ text: value, bold: options.bold, font: FONT, size: SIZE })] });

const cell = (value: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value, bold, font: FONT, size: 22 })] })] });

/**
 * The same order as a Word file, for LibreOffice to convert: the order page (issuer, kind, number, heading,
 * points, signature) and the plan as a landscape table with a repeating header row.
 */
export async function orderDocx({ document, plan }: ImportedPlanFile): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: ['№ п/п', 'Мероприятие', 'Целевая аудитория', 'Сроки проведения', 'Ответственный исполнитель'].map((h) => cell(h, true)),
  });
  const rows = plan.sections.flatMap((section) => [
    new TableRow({ children: [new TableCell({ columnSpan: 5, children: [text(section.title, { bold: true })] })] }),
    ...section.events.map(
      (event) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(event.number ?? ''),
            cell(event.title),
            cell(event.audience ?? ''),
            cell(event.deadline.raw),
            cell(event.responsible.map((r) => r.name).join(', ')),
          ],
        }),
    ),
  ]);
  const margins = { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 1.5 * CM };
  const file = new Document({
    sections: [
      {
        properties: { page: { margin: margins } },
        children: [
          text(document.issuer ?? '', { bold: true, align: AlignmentType.CENTER }),
          text('П Р И К А З', { bold: true, align: AlignmentType.CENTER }),
          text(`${document.date ?? ''}    № ${document.number ?? ''}`),
          text(document.place ?? '', { align: AlignmentType.CENTER }),
          text(document.title ?? plan.title ?? '', { bold: true }),
          ...(document.basis ? [text(`${document.basis} п р и к а з ы в а ю:`, { align: AlignmentType.JUSTIFIED })] : []),
          ...(document.points ?? []).map((point) => text(point, { align: AlignmentType.JUSTIFIED })),
          text(`${document.signatory?.position ?? ''}    ${document.signatory?.name ?? ''}`),
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: margins } },
        children: [
          text(`УТВЕРЖДЕН приказом от ${document.date ?? ''} № ${document.number ?? ''}`, { align: AlignmentType.RIGHT }),
          text(plan.title ?? '', { bold: true, align: AlignmentType.CENTER }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}

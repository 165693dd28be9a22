import { locateSerifFonts } from '@eduplan/pdf';
import PdfPrinter from 'pdfmake';

/** A small pdfmake 0.2 document, the same producer the renderer uses. */
export function samplePdf(text = 'Приказ № 1083/ПК «Об утверждении комплексного плана мероприятий»'): Promise<Buffer> {
  const serif = locateSerifFonts().normal;
  const printer = new PdfPrinter({ Serif: { normal: serif, bold: serif, italics: serif, bolditalics: serif } });
  const document = printer.createPdfKitDocument({
    content: [text, { text: 'https://example.org', link: 'https://example.org' }],
    defaultStyle: { font: 'Serif' },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

import PdfPrinter from 'pdfmake';

const SERIF = '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf';

/** A small pdfmake 0.2 document, the same producer the renderer uses. */
export function samplePdf(text = 'Приказ № 1083/ПК «Об утверждении комплексного плана мероприятий»'): Promise<Buffer> {
  const printer = new PdfPrinter({ Serif: { normal: SERIF, bold: SERIF, italics: SERIF, bolditalics: SERIF } });
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

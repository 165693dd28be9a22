import { importPlanFileIsolated } from './import-plan-isolated';

/** A one-page PDF whose page shows only a drawn box, as a scanner's image would: no text layer at all. */
function pdfWithoutText(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>',
  ];
  const drawing = '0 0 0 rg 100 100 600 400 re f';
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  offsets.push(body.length);
  body += `4 0 obj\n<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream\nendobj\n`;
  const xref = body.length;
  body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('a PDF without a text layer', () => {
  it('is refused with a message that says what to do', async () => {
    await expect(importPlanFileIsolated(pdfWithoutText())).rejects.toMatchObject({
      code: 'scanned-pdf',
      message:
        'Файл не похож на план мероприятий: это PDF без текстового слоя (скан): распознайте его в программе распознавания текста (OCR) или приложите исходный .docx / Not a plan: a scanned PDF without a text layer: run OCR on it or provide the .docx',
    });
  });

  it('is told apart from a damaged PDF', async () => {
    await expect(importPlanFileIsolated(Buffer.from('%PDF-1.4\nэто не PDF\n%%EOF\n'))).rejects.toMatchObject({ code: 'bad-pdf' });
  });
});

import { renderOrderPdf } from './order-pdf';
import { PdfFile, squash } from './test-support/pdf-tools';
import { event, plan, section, TVER_DOCUMENT } from './test-support/plan-builders';

async function textOf(title: string): Promise<string> {
  const pdf = new PdfFile(
    await renderOrderPdf({ document: TVER_DOCUMENT, plan: plan([section('Раздел', [event(title)])]), options: { draft: true } }),
  );
  const text = squash(pdf.text());
  pdf.dispose();
  return text;
}

describe('fonts shared between documents', () => {
  it('keeps each document’s own letters in its text layer, though Latin «a» and Cyrillic «а» share a glyph', async () => {
    // The first document teaches the shared font the Cyrillic look-alikes; the second must still read as Latin.
    expect(await textOf('Обучающиеся: рассказ о работе')).toContain(squash('Обучающиеся: рассказ о работе'));
    const latin = await textOf('Proekt: example.org/space');
    expect(latin).toContain(squash('Proekt: example.org/space'));
    expect(await textOf('Опять кириллица: ора')).toContain(squash('Опять кириллица: ора'));
  });
});

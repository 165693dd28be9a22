import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontDictionary, locateSerifFonts } from './fonts';
import { GlyphFilter, glyphCoverage } from './glyph-filter';

/** What every render function accepts besides its input. */
export interface RenderOptions {
  /** Called with a one-line Russian+English message when the document was changed to be printable. */
  onWarning?: (message: string) => void;
  /** Defaults to EDUPLAN_FONTS_DIR, then the fonts-liberation2 path. */
  fontsDir?: string;
}

interface Engine {
  printer: PdfPrinter;
  fontHas: (codePoint: number) => boolean;
}

// Font files are opened once per directory: a quarter's memos are rendered in a loop.
const engines = new Map<string, Engine>();

function engineFor(fontsDir: string | undefined): Engine {
  const files = locateSerifFonts(fontsDir);
  const key = files.normal;
  let engine = engines.get(key);
  if (!engine) {
    engine = { printer: new PdfPrinter(fontDictionary(files)), fontHas: glyphCoverage(files) };
    engines.set(key, engine);
  }
  return engine;
}

/**
 * Runs a document builder on input whose strings were filtered to glyphs the font has, then prints it.
 * Builders therefore never see characters that would come out as empty boxes.
 */
export async function renderDocument<T>(
  input: T,
  build: (printable: T) => TDocumentDefinitions,
  options: RenderOptions = {},
): Promise<Buffer> {
  const engine = engineFor(options.fontsDir);
  const filter = new GlyphFilter(engine.fontHas);
  const definition = build(filter.deep(input));
  const warning = filter.warning();
  if (warning && options.onWarning) options.onWarning(warning);
  return print(engine.printer, definition);
}

function print(printer: PdfPrinter, definition: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = printer.createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

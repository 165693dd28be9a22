import fontkit, { type Font, type GlyphRun } from '@foliojs-fork/fontkit';
import { readFileSync } from 'node:fs';

/**
 * pdfkit parses every font file again for each document and shapes every word again: together about a third of
 * rendering an order. A process that renders many documents keeps one parsed font per file and one shaped run
 * per word here. pdfkit still builds its own subset per document, so each PDF embeds only its own glyphs.
 */
const bytesByPath = new Map<string, Buffer>();
const parsed = new Map<Buffer, Font>();
/** Bounded so a long-running service with unusual texts does not grow without end. */
const MAX_SHAPED_WORDS = 50_000;
let installed = false;

/** The font file's bytes, the same Buffer every time: it is the key under which the parsed font is kept. */
export function sharedFontBytes(path: string): Buffer {
  let bytes = bytesByPath.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    bytesByPath.set(path, bytes);
  }
  return bytes;
}

/** Makes pdfkit's `fontkit.create` return the already parsed font for bytes it has seen. */
export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  const create = fontkit.create.bind(fontkit);
  fontkit.create = (buffer: Buffer, postscriptName?: string): Font => {
    if (postscriptName !== undefined) return create(buffer, postscriptName);
    let font = parsed.get(buffer);
    if (!font) {
      font = withShapedWordsKept(create(buffer));
      parsed.set(buffer, font);
    }
    return font;
  };
}

function withShapedWordsKept(font: Font): Font {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]): GlyphRun => {
    if (options.some((option) => option !== undefined)) return layout(text, ...options);
    let run = shaped.get(text);
    if (!run) {
      if (shaped.size >= MAX_SHAPED_WORDS) shaped.clear();
      run = layout(text);
      shaped.set(text, run);
    }
    return copyOf(run, text);
  };
  return font;
}

/**
 * pdfkit scales the positions of the run it gets in place, so every caller needs its own copy. Glyphs also
 * carry the characters they stand for, which become the PDF's text layer; fontkit keeps one glyph object per
 * glyph id with the characters of its first use, and Liberation Serif draws Latin «a» and Cyrillic «а» with
 * one glyph. So each glyph is given this text's own character where glyphs and characters pair one to one.
 */
function copyOf(run: GlyphRun, text: string): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  const characters = Array.from(text, (char) => [char.codePointAt(0) as number]);
  copy.glyphs =
    run.glyphs.length === characters.length
      ? run.glyphs.map((glyph, index) => (standsFor(glyph, characters[index]) ? glyph : (Object.create(glyph, { codePoints: { value: characters[index] } }) as object)))
      : run.glyphs.slice();
  copy.positions = run.positions.map((position) => Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position));
  return copy;
}

function standsFor(glyph: object, character: number[]): boolean {
  const codePoints = (glyph as { codePoints?: number[] }).codePoints;
  return codePoints?.length === 1 && codePoints[0] === character[0];
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { shareParsedFonts, sharedFontBytes } from './shared-fonts';

/** The family name documents use in their styles. */
export const SERIF = 'LiberationSerif';

/**
 * Where Debian installs Liberation Serif 2: fonts-liberation2 on Debian 12, fonts-liberation on Debian 13 (whose
 * fonts-liberation2 is only a transitional package). EDUPLAN_FONTS_DIR overrides them (e.g. fonts shipped in a
 * container image).
 */
export const DEFAULT_FONTS_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'] as const;

const FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

export class MissingFontsError extends Error {}

export interface SerifFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/**
 * Liberation Serif is metric-compatible with Times New Roman (what ГОСТ Р 7.0.97 documents are typed in)
 * and covers Cyrillic. Fonts are read from disk only: documents are rendered offline, never fetching anything.
 */
export function locateSerifFonts(dir: string = process.env.EDUPLAN_FONTS_DIR || defaultFontsDir()): SerifFontFiles {
  const files: SerifFontFiles = {
    normal: join(dir, FILES.normal),
    bold: join(dir, FILES.bold),
    italics: join(dir, FILES.italics),
    bolditalics: join(dir, FILES.bolditalics),
  };
  const missing = Object.values(files).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new MissingFontsError(
      `Нет шрифтов Liberation Serif / Liberation Serif fonts not found: ${missing.join(', ')}. ` +
        `Install the Debian package fonts-liberation2 (apt-get install fonts-liberation2) ` +
        `or set EDUPLAN_FONTS_DIR to a directory holding ${Object.values(FILES).join(', ')}.`,
    );
  }
  return files;
}

function defaultFontsDir(): string {
  return DEFAULT_FONTS_DIRS.find((dir) => existsSync(join(dir, FILES.normal))) ?? DEFAULT_FONTS_DIRS[0];
}

/** The fonts as bytes, so that documents share one parsed font per file (shared-fonts.ts). */
export function fontDictionary(files: SerifFontFiles): TFontDictionary {
  shareParsedFonts();
  // pdfmake passes Buffers through to pdfkit; its types only admit paths.
  const bytes = (file: string) => sharedFontBytes(file) as unknown as string;
  return { [SERIF]: { normal: bytes(files.normal), bold: bytes(files.bold), italics: bytes(files.italics), bolditalics: bytes(files.bolditalics) } };
}

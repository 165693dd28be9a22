import { openSync } from '@foliojs-fork/fontkit';
import type { SerifFontFiles } from './fonts';

/**
 * Whether every face has the glyph: bold and italic text must not fall back either. Answers are kept per
 * code point, since a plan repeats the same few hundred characters many thousand times.
 */
export function glyphCoverage(files: SerifFontFiles): (codePoint: number) => boolean {
  const faces = Object.values(files).map((file: string) => openSync(file));
  const known = new Map<number, boolean>();
  return (codePoint) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      has = faces.every((face) => face.hasGlyphForCodePoint(codePoint));
      known.set(codePoint, has);
    }
    return has;
  };
}

/**
 * Liberation Serif has no emoji and few symbols. A glyph the font lacks would be drawn as an empty box («tofu»)
 * in an official document, so such characters are removed from the text and reported once per document.
 */
export class GlyphFilter {
  private readonly removed = new Map<string, number>();

  constructor(private readonly fontHas: (codePoint: number) => boolean) {}


  text(value: string): string {
    if (this.printable(value)) return value;
    let result = '';
    let changed = false;
    for (const char of value) {
      const codePoint = char.codePointAt(0) as number;
      if (isInvisibleJoiner(codePoint)) {
        changed = true;
      } else if (isLayoutControl(codePoint) || this.fontHas(codePoint)) {
        result += char;
      } else {
        changed = true;
        this.removed.set(char, (this.removed.get(char) ?? 0) + 1);
      }
    }
    // Removing «🚀 » from «Старт 🚀 проекта» must not leave a double space.
    return changed ? result.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+$/gm, '').replace(/^[ \t]+/gm, '') : value;
  }

  private printable(value: string): boolean {
    for (const char of value) {
      const codePoint = char.codePointAt(0) as number;
      if (isInvisibleJoiner(codePoint) || !(isLayoutControl(codePoint) || this.fontHas(codePoint))) return false;
    }
    return true;
  }

  /** Every string inside a JSON-like input, with the same shape. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.text(value) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.deep(item)) as T;
    if (value !== null && typeof value === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.deep(item);
      return copy as T;
    }
    return value;
  }

  /** One Russian+English line naming what was removed, or null when nothing was. */
  warning(): string | null {
    if (this.removed.size === 0) return null;
    const list = [...this.removed]
      .map(([char, count]) => `${char} (U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}) ×${count}`)
      .join(', ');
    return `Удалены символы, которых нет в шрифте Liberation Serif / removed characters the font lacks: ${list}`;
  }
}

function isLayoutControl(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x09 || codePoint === 0x0d;
}

/** Parts of emoji sequences (ZWJ, variation selectors, skin tones, tags): invisible in text, dropped silently. */
function isInvisibleJoiner(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f)
  );
}

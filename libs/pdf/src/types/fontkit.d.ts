// @foliojs-fork/fontkit ships no types; it comes with pdfmake (through its pdfkit fork). We read glyph coverage
// and share parsed fonts between documents (shared-fonts.ts).
declare module '@foliojs-fork/fontkit' {
  export interface GlyphRun {
    glyphs: object[];
    positions: object[];
  }
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, ...options: unknown[]): GlyphRun;
  }
  export function openSync(path: string): Font;
  const fontkit: {
    create(buffer: Buffer, postscriptName?: string): Font;
    openSync(path: string): Font;
  };
  export default fontkit;
}

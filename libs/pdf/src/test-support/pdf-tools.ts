import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A rendered PDF on disk, inspected with poppler-utils the way a reader's viewer would see it. */
export class PdfFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'eduplan-pdf-'));
  readonly path = join(this.dir, 'document.pdf');

  constructor(pdf: Buffer) {
    writeFileSync(this.path, pdf);
  }

  /** Text in content order (`-raw`), so a table cell's lines stay together. */
  text(page?: number): string {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, this.path, '-'], { encoding: 'utf8' });
  }

  /** Dark pixels of a page region, counted on a 36 dpi grey rendering; the region is in fractions of the page. */
  inkIn(page: number, region: { left: number; top: number; right: number; bottom: number }): number {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', '-f', String(page), '-l', String(page), this.path]);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not give a PGM image');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    let ink = 0;
    for (let y = Math.floor(region.top * height); y < Math.floor(region.bottom * height); y++) {
      for (let x = Math.floor(region.left * width); x < Math.floor(region.right * width); x++) {
        if (pixels[y * width + x] < 128) ink += 1;
      }
    }
    return ink;
  }

  pageCount(): number {
    return Number(/Pages:\s+(\d+)/.exec(this.info())?.[1]);
  }

  /** Width and height of every page in points. */
  pageSizes(): Array<{ width: number; height: number }> {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(this.pageCount()), this.path], { encoding: 'utf8' });
    return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  }

  /** Rows of `pdffonts`: name and whether it is embedded. */
  fonts(): Array<{ name: string; embedded: boolean }> {
    const lines = execFileSync('pdffonts', [this.path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    return lines.map((line) => {
      const columns = line.trim().split(/\s+/);
      return { name: columns[0], embedded: columns[columns.length - 5] === 'yes' };
    });
  }

  /** Raster images in the file (`pdfimages -list`), to prove charts are vector graphics. */
  imageCount(): number {
    return execFileSync('pdfimages', ['-list', this.path], { encoding: 'utf8' }).trim().split('\n').length - 2;
  }

  info(): string {
    return execFileSync('pdfinfo', [this.path], { encoding: 'utf8' });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whitespace-free form: line breaks inside table cells and around hyphens must not fail a comparison. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

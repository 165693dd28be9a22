import type { SourceBlock } from './source-blocks';

/**
 * Extracted text marks table cells with tabs; a paragraph spans consecutive lines up to a blank line,
 * as the extractor wraps long paragraphs.
 */
export function readTextBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let paragraph: SourceBlock | null = null;
  lines.forEach((line, index) => {
    if (line.includes('\t')) {
      paragraph = null;
      blocks.push({ line: index + 1, cells: line.split('\t'), isRow: true });
    } else if (line.trim() === '') {
      paragraph = null;
    } else if (paragraph) {
      paragraph.cells[0] += `\n${line}`;
    } else {
      paragraph = { line: index + 1, cells: [line], isRow: false };
      blocks.push(paragraph);
    }
  });
  return blocks;
}

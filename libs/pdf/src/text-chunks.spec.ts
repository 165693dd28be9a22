import { charsPerLine, chunkParagraphs, estimateLines } from './text-chunks';

describe('text chunks for table rows', () => {
  const box = { width: 122, fontSize: 11 }; // 20 characters a line

  it('estimates lines per paragraph, at least one each', () => {
    expect(charsPerLine(box)).toBe(20);
    expect(estimateLines(['', 'a'.repeat(41)], box)).toBe(4);
  });

  it('splits at spaces into chunks of at most the given lines, losing nothing', () => {
    const words = Array.from({ length: 60 }, (_, i) => `слово${i}`);
    const chunks = chunkParagraphs([words.join(' ')], box, 3);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((chunk) => estimateLines(chunk, box) <= 3)).toBe(true);
    expect(chunks.flat().join(' ').split(' ')).toEqual(words);
  });

  it('cuts a word longer than a chunk and returns one empty chunk for no text', () => {
    expect(chunkParagraphs(['x'.repeat(130)], box, 3).map((chunk) => chunk.join('').length)).toEqual([60, 60, 10]);
    expect(chunkParagraphs([], box, 3)).toEqual([[]]);
  });
});

import { nonBreaking } from './non-breaking';
import { chunkParagraphs } from './text-chunks';

describe('nonBreaking', () => {
  const kept = (text: string, maxChars = 60, justified = false) =>
    [nonBreaking(text, { maxChars, justified })].flat().flatMap((inline) => (typeof inline === 'object' && 'noWrap' in inline ? [inline.text] : []));

  it('keeps references, dates, number ranges and initials with surnames whole, with the following space', () => {
    expect(kept('от 17.10.2011 № 69-пп «Об утверждении», (№ 1375/ПК), подписал И.И. Иванов 14 марта 2023 г. и Петров П.П. на 2024-2025 годы')).toEqual([
      '№ 69-пп ',
      '(№ 1375/ПК), ',
      'И.И. Иванов ',
      '14 марта 2023 г. ',
      'Петров П.П. ',
      '2024-2025 ',
    ]);
  });

  it('falls back to the shorter parts of a span too wide for its column, and keeps hyphenated words whole only in justified text', () => {
    expect(kept('15-20 декабря 2023 г.', 16)).toEqual(['15-20 ', '2023 г.']);
    expect(kept('организационно-методической поддержке')).toEqual([]);
    expect(kept('организационно-методической поддержке', 60, true)).toEqual(['организационно-методической ']);
  });

  it('binds the last two words of a heading', () => {
    expect(nonBreaking('Об утверждении плана на 2024-2025 учебный год', { maxChars: 60, heading: true })).toEqual([
      'Об утверждении плана на ',
      { text: '2024-2025 ', noWrap: true },
      { text: 'учебный год', noWrap: true },
    ]);
  });

  it('never cuts a long table cell inside a kept span', () => {
    const box = { width: 122, fontSize: 11 }; // 20 characters a line
    // Without care the cut would fall at the 60th character, the space inside «№ 1375/ПК».
    const text = `${'слово '.repeat(8)}длинное ab № 1375/ПК от 14 марта 2023 г. ${'слово '.repeat(9)}`.trim();
    expect(text.indexOf('№ 1375/ПК')).toBe(59);
    const chunks = chunkParagraphs([text], box, 3).flat();
    expect(chunks.join(' ')).toBe(text);
    expect(chunks.some((chunk) => chunk.includes('№ 1375/ПК'))).toBe(true);
    expect(chunks.some((chunk) => chunk.includes('14 марта 2023 г.'))).toBe(true);
  });
});

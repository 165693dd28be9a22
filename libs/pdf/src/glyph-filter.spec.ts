import { GlyphFilter, glyphCoverage } from './glyph-filter';
import { locateSerifFonts, MissingFontsError } from './fonts';

describe('GlyphFilter with Liberation Serif', () => {
  const fontHas = glyphCoverage(locateSerifFonts());

  it('keeps Cyrillic, Latin and document punctuation untouched', () => {
    const filter = new GlyphFilter(fontHas);
    const text = 'Центры «Точка роста», «IT-куб» — № 1083/ПК, 50 %, 1–2 «WorldSkills» ё Ё\nвторая строка';
    expect(filter.text(text)).toBe(text);
    expect(filter.warning()).toBeNull();
  });

  it('removes emoji with their joiners and modifiers, tidies spaces and reports each removed character once', () => {
    const filter = new GlyphFilter(fontHas);
    expect(filter.text('Старт 🚀 проекта 👩‍💻 и 👍🏽!')).toBe('Старт проекта и !');
    expect(filter.deep({ a: ['Ура 🚀'], n: 5, z: null })).toEqual({ a: ['Ура'], n: 5, z: null });
    expect(filter.warning()).toBe(
      'Удалены символы, которых нет в шрифте Liberation Serif / removed characters the font lacks: ' +
        '🚀 (U+1F680) ×2, 👩 (U+1F469) ×1, 💻 (U+1F4BB) ×1, 👍 (U+1F44D) ×1',
    );
  });
});

describe('locateSerifFonts', () => {
  it('names the Debian package when the fonts are missing', () => {
    expect(() => locateSerifFonts('/nonexistent/fonts')).toThrow(MissingFontsError);
    expect(() => locateSerifFonts('/nonexistent/fonts')).toThrow(/apt-get install fonts-liberation2/);
  });
});

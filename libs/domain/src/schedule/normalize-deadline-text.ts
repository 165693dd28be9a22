/** Latin letters OCR and copy-paste put into Cyrillic words («сeнтябрь» with a Latin e). */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в',
};

function fixMixedScriptWord(word: string): string {
  if (!/[а-я]/.test(word)) return word;
  return word
    .replace(/[a-z]/g, (ch) => LATIN_TO_CYRILLIC[ch] ?? ch)
    .replace(/(?<=[а-я])0(?=[а-я])/g, 'о');
}

/**
 * Brings a deadline cell to one lowercase line the grammar can rely on: markup remnants of the PDF/Word
 * extraction removed, every dash an ASCII hyphen, spaces collapsed, mixed-script OCR slips repaired.
 */
export function normalizeDeadlineText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\*+|\\(?=[_*.\-])|_{2,}/g, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    // Ukrainian «і» stands in for the Latin I of Roman quarter numbers.
    .replace(/і/g, 'i')
    .replace(/[\u2010-\u2015\u2212\u2043]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f\s]+/g, ' ')
    // «2023г.», «2024года»: the year sticks to its word in extracted text.
    .replace(/(\d{4})(?=[а-я])/g, '$1 ')
    .replace(/[a-zа-я0-9]+/g, fixMixedScriptWord)
    // «1-й квартал», «2-ое полугодие»: the ordinal ending carries nothing.
    .replace(/(\d)\s*-\s*(?:й|ый|ой|ий|го|е|ое|ом|м)(?![а-я])/g, '$1')
    // «2023/2024»: a slash between years is a range like a dash.
    .replace(/(\d{4})\s*\/\s*(\d{4})/g, '$1-$2')
    // «ноябрь 2024 года. – март 2025 года»: the full stop before a dash only separates the two ends.
    .replace(/\.\s*-/g, ' -')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

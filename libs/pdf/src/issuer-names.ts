/**
 * Issuer names as the requisites need them. Imported documents often carry the issuer in capitals
 * (the letterhead), while the approval stamp of the appendix needs it in running text and in the genitive.
 */

const PROPER_AFTER = /^(республики|города)$/;
const PROPER_BEFORE = /^(области|края|округа|республики)$/;
const PROPER_WORDS = new Map([
  ['республики', 'Республики'],
  ['российской', 'Российской'],
  ['федерации', 'Федерации'],
  ['санкт-петербурга', 'Санкт-Петербурга'],
  ['москвы', 'Москвы'],
  ['севастополя', 'Севастополя'],
]);

/**
 * «МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТВЕРСКОЙ ОБЛАСТИ» → «Министерство образования Тверской области». Mixed case is kept,
 * and so are capitals not starting with a known head noun: «ГБОУ ДПО ТОИУУ» is an abbreviation, not a letterhead.
 */
export function issuerInRunningText(issuer: string): string {
  const oneLine = issuer.replace(/\s+/g, ' ').trim();
  const words = oneLine.toLowerCase().split(' ');
  if (oneLine !== oneLine.toUpperCase() || !GENITIVE_OF_HEAD_NOUN.has(words[0])) return oneLine;
  return words
    .map((word, index) => {
      const proper = PROPER_WORDS.get(word);
      if (proper) return proper;
      const isRegionName =
        index === 0 ||
        (index + 1 < words.length && PROPER_BEFORE.test(words[index + 1]) && /(ой|ого|ый|ий)$/.test(word)) ||
        (index > 0 && PROPER_AFTER.test(words[index - 1]));
      return isRegionName ? capitalize(word) : word;
    })
    .join(' ');
}

const GENITIVE_OF_HEAD_NOUN = new Map([
  ['министерство', 'министерства'],
  ['комитет', 'комитета'],
  ['департамент', 'департамента'],
  ['управление', 'управления'],
  ['правительство', 'правительства'],
  ['администрация', 'администрации'],
  ['агентство', 'агентства'],
  ['губернатор', 'губернатора'],
]);

/** «Министерство образования Тверской области» → «Министерства образования Тверской области». */
export function issuerGenitive(issuer: string): string {
  const text = issuerInRunningText(issuer);
  const [head, ...rest] = text.split(' ');
  const genitive = GENITIVE_OF_HEAD_NOUN.get(head.toLowerCase());
  if (!genitive) return text;
  return [head[0] === head[0].toUpperCase() ? capitalize(genitive) : genitive, ...rest].join(' ');
}

/** The participle of «УТВЕРЖДЕН» agrees with the approved document: «план» → УТВЕРЖДЕН, «дорожная карта» → УТВЕРЖДЕНА. */
export function approvedParticiple(planTitle: string): string {
  const head = planTitle.trim().toLowerCase();
  if (/^(дорожная|программа|концепция|стратегия)/.test(head)) return 'УТВЕРЖДЕНА';
  if (/^(положение)/.test(head)) return 'УТВЕРЖДЕНО';
  return 'УТВЕРЖДЕН';
}

function capitalize(word: string): string {
  return word.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('-');
}

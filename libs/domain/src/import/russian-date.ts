/** A month by the first letters of its name, so a stamp's «14 МАР 2023» or «5 сент. 2022» reads like «14 марта». */
const MONTHS: Record<string, number> = {
  янв: 1, фев: 2, мар: 3, апр: 4, май: 5, мая: 5, июн: 6,
  июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

/** A scanned date keeps stray spaces around its dots: «05.09. 2022», «05 .09.2022». */
const NUMERIC = /(?<!\d)(\d{1,2})\s?\.\s?(\d{1,2})\s?\.\s?(\d{4})(?!\d)/;
const WORDS = /«?\s*(\d{1,2})\s*»?\s+(янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\p{L}*\.?\s+(\d{4})/iu;

/** A document date as written in an order's header or stamp: «28.08.2024», «« 17 » августа 2023 года», «14 МАР 2023». */
export function findDocumentDate(text: string): string | null {
  const numeric = NUMERIC.exec(text);
  if (numeric) return isoDate(+numeric[3], +numeric[2], +numeric[1]);
  const words = WORDS.exec(text);
  if (words) return isoDate(+words[3], MONTHS[words[2].toLowerCase()], +words[1]);
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const MONTHS: Record<string, number> = {
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6,
  июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
};

const NUMERIC = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/;
const WORDS = /«?\s*(\d{1,2})\s*»?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s+(\d{4})/i;

/** A document date as written in an order's header or stamp: «28.08.2024», «« 17 » августа 2023 года». */
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

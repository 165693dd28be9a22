const OPEN = '«(';
const CLOSE = '»)';

/**
 * One «Ответственный исполнитель» cell lists several organizations. It is split at commas, semicolons and
 * line breaks — never inside «…» or (…), where commas belong to a name — and after an inline definition
 * «(далее – …)», which ends a name even when the comma after it is missing.
 */
export function splitResponsible(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let straightQuote = false;
  let start = 0;
  const cut = (end: number, next: number) => {
    items.push(text.slice(start, end));
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') straightQuote = !straightQuote;
    else if (OPEN.includes(char)) depth++;
    else if (CLOSE.includes(char)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && char === ')' && endsDefinition(text, i) && /^\s+[\p{L}«"]/u.test(text.slice(i + 1))) {
        cut(i + 1, i + 1);
      }
    } else if (depth === 0 && !straightQuote && (char === ',' || char === ';' || char === '\n')) cut(i, i + 1);
  }
  cut(text.length, text.length);
  return items.map(tidyItem).filter((item) => item !== '');
}

function endsDefinition(text: string, closeIndex: number): boolean {
  const open = text.lastIndexOf('(', closeIndex);
  return open >= 0 && /^\(\s*далее/i.test(text.slice(open, closeIndex));
}

function tidyItem(item: string): string {
  return item
    .trim()
    .replace(/^(?:и|а также)\s+/i, '')
    .replace(/[\s.]+$/, '')
    .trim();
}

/** One point per line; the numbers are the document's, so a typed «1.» is dropped. */
export function pointsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
    .filter(Boolean);
}

/**
 * A cell continued on the next page ends mid-sentence («…учреждение дополнительного» + «профессионального
 * образования …»); a sub-row of the same event adds a separate item («сентябрь 2024» + «октябрь 2024»,
 * «Министерство» + «ГБОУ ДПО ТОИУУ»). The first is joined with a space, the second on a new line.
 */
export function continuesMidSentence(previous: string, next: string): boolean {
  const end = previous.trimEnd().slice(-1);
  const start = next.trimStart().charAt(0);
  if (end === '' || start === '') return false;
  if (/[,:;\-–—(«/]/.test(end)) return true;
  if (/[-–—»),.;:«]/.test(start)) return true;
  return /\p{Ll}/u.test(start) && /\p{L}/u.test(end);
}

export function joinContinuation(previous: string, next: string): string {
  if (previous === '') return next;
  if (next === '') return previous;
  return continuesMidSentence(previous, next) ? `${previous} ${next}` : `${previous}\n${next}`;
}

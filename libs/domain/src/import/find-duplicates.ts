import { foldText } from './clean-text';
import type { ImportedEvent, ImportWarning } from './imported-plan.types';
import { shorten } from './interpret-rows';

/**
 * Plans assembled from several contributors repeat rows, sometimes in another section. Same title, deadline
 * and executor count as a repeat unless the audiences show two deliberate runs (one for heads, one for
 * teachers); an audience that only adds to the other's is the same event. «ИТ-куб» and «IT-куб» are the
 * same brand written two ways.
 */
export function findDuplicates(events: ImportedEvent[]): ImportWarning[] {
  const seen = new Map<string, ImportedEvent[]>();
  const warnings: ImportWarning[] = [];
  for (const event of events) {
    const key = [event.title, event.deadline.raw, event.responsible.map((r) => r.raw).join(',')].map(duplicateKey).join('|');
    const earlier = seen.get(key) ?? [];
    const first = earlier.find((other) => sameAudience(other.audience, event.audience));
    if (first) {
      warnings.push({
        line: event.line ?? null,
        message: `Вероятный дубликат мероприятия «${shorten(event.title)}»: строки ${first.line ?? '?'} и ${event.line ?? '?'}`,
      });
    }
    seen.set(key, [...earlier, event]);
  }
  return warnings;
}

function sameAudience(a: string | null, b: string | null): boolean {
  const [x, y] = [duplicateKey(a ?? ''), duplicateKey(b ?? '')];
  return x.includes(y) || y.includes(x);
}

function duplicateKey(text: string): string {
  return foldText(text).replace(/(?<!\p{L})ит(?=-?\s?куб)/gu, 'it');
}

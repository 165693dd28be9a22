import type { Recurrence } from './schedule.types';

/** Every pattern runs on text made by `normalizeDeadlineText` (lowercase, «е» for «ё», ASCII dashes). */
const RECURRENCE_PATTERNS: readonly [RegExp, Recurrence][] = [
  [/еженедельн|кажд(?:ую|ой) недел|раз в недел|по (?:понедельник|вторник|сред|четверг|пятниц|суббот)ам/, 'weekly'],
  [/ежемесячн|каждый месяц|раз в месяц/, 'monthly'],
  [/ежекварт|поквартальн|каждый квартал|раз в квартал/, 'quarterly'],
  [/ежегодн|каждый год|раз в год/, 'annually'],
];

export function detectRecurrence(text: string): Recurrence | null {
  return RECURRENCE_PATTERNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** «В течение года», «постоянно», «весь период»: the event runs through the whole span. */
const CONTINUOUS = /в течени[еи]|на протяжении|постоянн|ежедневн|круглогодичн|систематическ|регулярн|весь период|всего периода|до конца (?:учебного |календарного )?года/;

export function isContinuous(text: string): boolean {
  return CONTINUOUS.test(text);
}

/** «По мере необходимости», «по запросу»: may happen at any time, or not at all. */
const ON_DEMAND = /по мере (?:необходимост|потребност|поступлени|возникновени)|по необходимост|по запрос|по заявк|при необходимост/;

export function isOnDemand(text: string): boolean {
  return ON_DEMAND.test(text);
}

/** «Согласно отдельному графику», «в сроки, определяемые положением …»: the dates live in another document. */
const EXTERNAL =
  /график|в сроки,? (?:определ|установл|устанавл|утвержд|предусмотр)|по (?:отдельному )?плану|в соответствии с (?:положени|план|приказ|регламент|распоряжени|порядк)|согласно (?:положени|план|приказ|регламент|распоряжени|порядк)|по согласовани|по приглашени|по решени|по мере создани|по мере открыти/;

export function isExternal(text: string): boolean {
  return EXTERNAL.test(text);
}

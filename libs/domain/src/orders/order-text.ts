export type OrderKind = 'prikaz' | 'rasporyazhenie';

/** «Комплексный план …» → «комплексный план …» to continue a sentence; capitals («КОМПЛЕКСНЫЙ ПЛАН») stay as typed. */
export function lowerFirst(text: string): string {
  const trimmed = text.trim();
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** The points of an order approving a plan when its author wrote none: approve the plan, keep control. */
export function defaultOrderPoints(kind: OrderKind, planTitle: string | null): string[] {
  const act = kind === 'prikaz' ? 'приказа' : 'распоряжения';
  return [
    `Утвердить ${lowerFirst(planTitle ?? 'план мероприятий')} (прилагается).`,
    `Контроль за исполнением настоящего ${act} оставляю за собой.`,
  ];
}

/** «Комплексный план …» → «комплексный план …» to continue a sentence; capitals («КОМПЛЕКСНЫЙ ПЛАН») stay as typed. */
export function lowerFirst(text: string): string {
  const trimmed = text.trim();
  return /^\p{Lu}\p{Ll}/u.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * Checksums of Russian taxpayer and registration numbers (ФНС algorithms), so a mistyped ИНН or ОГРН is refused
 * where it is entered instead of making two records of one organization.
 */
const digits = (value: string) => [...value].map(Number);

const innCheck = (values: number[], weights: number[]) => (weights.reduce((sum, weight, i) => sum + weight * values[i], 0) % 11) % 10;

/** ИНН: 10 digits (an organization) or 12 (a person or individual entrepreneur). */
export function isValidInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return false;
  const d = digits(value);
  if (d.length === 10) return innCheck(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return innCheck(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && innCheck(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
}

/** ОГРН: 13 digits, the last one the remainder of the first twelve by 11 (its last digit); ОГРНИП: 15 digits, by 13. */
export function isValidOgrn(value: string): boolean {
  if (!/^\d{13}$|^\d{15}$/.test(value)) return false;
  const body = BigInt(value.slice(0, -1));
  const modulus = value.length === 13 ? 11n : 13n;
  return Number((body % modulus) % 10n) === Number(value.at(-1));
}

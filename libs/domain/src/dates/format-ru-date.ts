import { parseIsoDate, type IsoDate } from './iso-date';
import { ruMonthName } from './russian-months';

/** «28.08.2024», the form official documents use for dates in tables and registration stamps. */
export function formatRuDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** «28 августа 2024 г.», the form of an order's date line. */
export function formatRuLongDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${day} ${ruMonthName(month, 'genitive')} ${year} г.`;
}

/** «01.09.2023–31.08.2024», or a single date when both ends coincide. */
export function formatRuDateRange(start: IsoDate, end: IsoDate): string {
  return start === end ? formatRuDate(start) : `${formatRuDate(start)}–${formatRuDate(end)}`;
}

/** `2024-03-05` → `05.03.2024`. */
export const formatDate = (iso: string): string => {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
};

export const formatDateTime = (iso: string): string =>
  new Date(iso).toLocaleString('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export const formatInterval = ({ start, end }: { start: string; end: string }): string =>
  start === end ? formatDate(start) : `${formatDate(start)} – ${formatDate(end)}`;

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} Б` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} КБ` : `${(bytes / 1024 / 1024).toFixed(1)} МБ`;

/** Today in the browser's time zone as `YYYY-MM-DD`. */
export const today = (): string => new Date().toLocaleDateString('sv-SE');

/** `1` → «1 день», `3` → «3 дня», `11` → «11 дней». */
export function formatDays(count: number): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return `${count} дней`;
  if (units === 1) return `${count} день`;
  if (units >= 2 && units <= 4) return `${count} дня`;
  return `${count} дней`;
}

import { DOCUMENT_KIND_NAMES, type MemoKind } from '@eduplan/contracts';
import { formatRuDateRange } from '@eduplan/domain';

export interface MemoPeriod {
  /** `YYYY-MM-DD` */
  start: string;
  end: string;
  /** The period in words, without dates: «IV квартал 2024 года», «период действия плана». */
  label: string;
}

/** «за IV квартал 2024 года (01.10.2024–31.12.2024)»: the words, then the dates once, in Russian form. */
export function memoPeriodText(period: MemoPeriod): string {
  return `за ${period.label} (${formatRuDateRange(period.start, period.end)})`;
}

/** «Справка по результатам мониторинга реализации плана за …»: the PDF's title and the stored document's name. */
export function memoTitle(kind: MemoKind, period: MemoPeriod): string {
  return `${DOCUMENT_KIND_NAMES[kind]} ${memoPeriodText(period)}`;
}

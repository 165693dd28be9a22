// No imports but types: the web client bundles this file for its labels (see services/web/src/labels.ts).
import type { DocumentKind } from './documents';

export type MemoKind = Extract<DocumentKind, 'quarterly_memo' | 'monitoring_memo'>;

/**
 * A memo's name: the kind of document, printed in capitals as its own requisite (ГОСТ Р 7.0.97-2025), and what it
 * is about, printed below it. Defined here once so the PDF, its metadata, the stored file and the UI say the same.
 */
export const MEMO_NAMES: Record<MemoKind, { kind: string; about: string }> = {
  quarterly_memo: { kind: 'Аналитическая записка', about: 'о ходе реализации плана' },
  monitoring_memo: { kind: 'Справка', about: 'по результатам мониторинга реализации плана' },
};

/** The one Russian name of each kind of stored document. */
export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  order: 'Приказ (распоряжение) с приложением',
  approval_sheet: 'Лист согласования',
  quarterly_memo: `${MEMO_NAMES.quarterly_memo.kind} ${MEMO_NAMES.quarterly_memo.about}`,
  monitoring_memo: `${MEMO_NAMES.monitoring_memo.kind} ${MEMO_NAMES.monitoring_memo.about}`,
};

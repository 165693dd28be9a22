import type { Cell } from '../../export/xlsx';
import type { OutcomeCounts } from '../../api/types';

/** The share of due events held, fully or partly, in whole percent (none due: none to hold). */
export const heldPercent = (counts: OutcomeCounts) => (counts.planned ? Math.round(((counts.held + counts.partly) / counts.planned) * 100) : 0);

/** The columns an exported table carries after its name: every count as the reporting service gives it. */
export const COUNT_HEADER = ['Запланировано', 'Проведено', 'Частично', 'Не проведено', 'Перенесено', 'Нет отчёта', 'Участников', 'Исполнение, %'];

export const countCells = (counts: OutcomeCounts): Cell[] => [
  counts.planned,
  counts.held,
  counts.partly,
  counts.notHeld,
  counts.postponed,
  counts.unreported,
  counts.participants,
  heldPercent(counts),
];

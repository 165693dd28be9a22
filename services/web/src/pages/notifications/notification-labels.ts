import type { Notification } from '../../api/types';

export const NOTIFICATION_KIND_LABEL: Record<Notification['kind'], string> = {
  approval_stage: 'Согласование',
  order_returned: 'Возврат на доработку',
  awaiting_signature: 'Подпись',
  order_registered: 'Регистрация',
  period_opened: 'Отчётный период',
  report_reminder: 'Напоминание об отчёте',
  overdue_digest: 'Просроченные отчёты',
};

/** «нет непрочитанных», «1 непрочитанное», «3 непрочитанных». */
export function unreadLabel(count: number): string {
  if (count === 0) return 'нет непрочитанных';
  const mod10 = count % 10;
  const mod100 = count % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'непрочитанное' : 'непрочитанных';
  return `${count} ${word}`;
}

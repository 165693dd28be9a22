import type { Decision, OrderStatus, Outcome, Role, Schedule, Stage } from '../api/types';
import type { Order, PlanSummary, ReportingPeriod } from '../api/types';

/** Every Russian name of a code value the page shows, in one place for whoever edits the wording. */
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  draft: 'черновик',
  on_approval: 'на согласовании',
  returned: 'возвращён на доработку',
  approved: 'согласован',
  signing: 'на подписании',
  signed: 'подписан',
  in_force: 'действует (мониторинг)',
  final_report: 'итоговый отчёт',
  closed: 'закрыт',
  cancelled: 'отменён',
  amended: 'изменён',
};

export const ORDER_KIND_LABEL: Record<Order['kind'], string> = {
  prikaz: 'Приказ',
  rasporyazhenie: 'Распоряжение',
};

export const PLAN_STATUS_LABEL: Record<NonNullable<PlanSummary['status']>, string> = {
  draft: 'черновик',
  on_approval: 'на согласовании',
  in_force: 'действует',
  closed: 'закрыт',
};

export const STAGE_STATUS_LABEL: Record<Stage['status'], string> = {
  waiting: 'ожидает',
  active: 'идёт согласование',
  approved: 'согласовано',
  returned: 'возвращено',
};

export const DECISION_LABEL: Record<Decision, string> = {
  approve: 'Согласовать',
  approve_with_remarks: 'Согласовать с замечаниями',
  return: 'Вернуть на доработку',
};

export const DECISION_DONE_LABEL: Record<Decision, string> = {
  approve: 'согласовано',
  approve_with_remarks: 'согласовано с замечаниями',
  return: 'возвращено на доработку',
};

export const SCHEDULE_KIND_LABEL: Record<Schedule['kind'], string> = {
  date: 'дата',
  range: 'диапазон дат',
  period: 'период',
  continuous: 'постоянно / в течение периода',
  recurring: 'повторяется',
  external: 'по внешнему графику',
  unknown: 'не распознано',
};

export const RECURRENCE_LABEL: Record<NonNullable<Schedule['recurrence']>, string> = {
  weekly: 'еженедельно',
  monthly: 'ежемесячно',
  quarterly: 'ежеквартально',
  annually: 'ежегодно',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  held: 'проведено',
  partly: 'проведено частично',
  not_held: 'не проведено',
  postponed: 'перенесено',
};

export const PERIOD_STATUS_LABEL: Record<ReportingPeriod['status'] | 'waiting', string> = {
  waiting: 'ещё не начался',
  open: 'открыт, идёт сбор отчётов',
  closed: 'закрыт',
};

export const SERVICE_LABEL: Record<string, string> = {
  gateway: 'шлюз',
  plans: 'планы',
  organizations: 'организации',
  reporting: 'отчётность',
  documents: 'документы',
  worker: 'процессы (worker)',
  notifications: 'уведомления',
  postgres: 'PostgreSQL',
  temporal: 'Temporal',
};

export const ROLE_LABEL: Record<Role, string> = {
  editor: 'редактор',
  approver: 'согласующий',
  signatory: 'подписант',
  registrar: 'регистратор',
  analyst: 'аналитик',
  admin: 'администратор',
  reporter: 'исполнитель (отчёты центра)',
};

/** The registry's names of kinds, center types and positions: the contract's own, so imports and the UI agree. */
export { ORGANIZATION_KIND_NAMES as ORGANIZATION_KIND_LABEL, CENTER_TYPE_NAMES as CENTER_TYPE_LABEL } from '@eduplan/contracts/src/organization-names';
export { POSITION_NAMES as POSITION_LABEL } from '@eduplan/contracts/src/people-names';
export { DOCUMENT_KIND_NAMES as DOCUMENT_KIND_LABEL } from '@eduplan/contracts/src/document-kind-names';

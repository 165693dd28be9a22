import type { Decision, EventOutcome, OrderDto, OrderStatus, PlanStatus, Recurrence, Role, ScheduleKind, StageState } from './contracts';

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

export const ORDER_KIND_LABEL: Record<OrderDto['kind'], string> = {
  prikaz: 'Приказ',
  rasporyazhenie: 'Распоряжение',
};

export const PLAN_STATUS_LABEL: Record<PlanStatus, string> = {
  draft: 'черновик',
  on_approval: 'на согласовании',
  in_force: 'действует',
  closed: 'закрыт',
};

export const STAGE_STATUS_LABEL: Record<StageState['status'], string> = {
  waiting: 'ожидает',
  active: 'идёт согласование',
  approved: 'согласовано',
  returned: 'возвращено',
};

export const DECISION_LABEL: Record<Decision, string> = {
  approve: 'согласовать',
  approve_with_remarks: 'согласовать с замечаниями',
  return: 'вернуть на доработку',
};

export const DECISION_DONE_LABEL: Record<Decision, string> = {
  approve: 'согласовано',
  approve_with_remarks: 'согласовано с замечаниями',
  return: 'возвращено на доработку',
};

export const SCHEDULE_KIND_LABEL: Record<ScheduleKind, string> = {
  date: 'дата',
  range: 'диапазон дат',
  period: 'период',
  continuous: 'постоянно / в течение периода',
  recurring: 'повторяется',
  external: 'по внешнему графику',
  unknown: 'не распознано',
};

export const RECURRENCE_LABEL: Record<Recurrence, string> = {
  weekly: 'еженедельно',
  monthly: 'ежемесячно',
  quarterly: 'ежеквартально',
  annually: 'ежегодно',
};

/** The registry's names of kinds and center types (the contract's own, so the import's «Тип» column and the UI agree). */
export {
  ORGANIZATION_KIND_NAMES as ORGANIZATION_KIND_LABEL,
  CENTER_TYPE_NAMES as CENTER_TYPE_LABEL,
} from '@eduplan/contracts/src/organization-names';

/** The one name of each kind of document, as its PDF and stored file are titled (the only runtime import of the contract). */
export { DOCUMENT_KIND_NAMES as DOCUMENT_KIND_LABEL } from '@eduplan/contracts/src/document-kind-names';

export const OUTCOME_LABEL: Record<EventOutcome, string> = {
  held: 'проведено',
  partly: 'проведено частично',
  not_held: 'не проведено',
  postponed: 'перенесено',
};

export const PERIOD_STATUS_LABEL: Record<'waiting' | 'open' | 'closed', string> = {
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

import type {
  ApprovalStageStartedEvent,
  NotificationKind,
  OrderAwaitingSignatureEvent,
  OrderRegisteredEvent,
  OrderReturnedEvent,
  OverdueDigestEvent,
  PeriodOpenedEvent,
  ReminderDueEvent,
} from '@eduplan/contracts';
import { formatRuDate } from '@eduplan/domain';

/** What a notice says: a heading, what happened and what to do, and the page to do it on. */
export interface NoticeText {
  kind: NotificationKind;
  title: string;
  text: string;
  link: string;
}

const orderPage = (orderId: string) => `/orders/${orderId}`;

// Every Russian sentence a recipient reads, in one place for whoever words or translates them.
export const noticeTexts = {
  approvalStage: (e: ApprovalStageStartedEvent): NoticeText => ({
    kind: 'approval_stage',
    title: 'Приказ ждёт вашего согласования',
    text: `Приказ «${e.title}» направлен вам на согласование (этап «${e.stage}», круг ${e.round}). Откройте приказ, ознакомьтесь с проектом и примите решение: согласовать, согласовать с замечаниями или вернуть на доработку.`,
    link: orderPage(e.orderId),
  }),
  returned: (e: OrderReturnedEvent): NoticeText => ({
    kind: 'order_returned',
    title: 'Приказ возвращён на доработку',
    text: `Приказ «${e.title}» возвращён на доработку на этапе «${e.stage}» (круг ${e.round}). Откройте приказ, учтите замечания согласующих и направьте проект на согласование повторно.`,
    link: orderPage(e.orderId),
  }),
  awaitingSignature: (e: OrderAwaitingSignatureEvent): NoticeText => ({
    kind: 'awaiting_signature',
    title: 'Приказ ждёт вашей подписи',
    text: `Приказ «${e.title}» согласован и ждёт вашей подписи. Откройте приказ и подпишите его электронной подписью.`,
    link: orderPage(e.orderId),
  }),
  registered: (e: OrderRegisteredEvent): NoticeText => ({
    kind: 'order_registered',
    title: 'Приказ подписан и зарегистрирован',
    text: `Приказ «${e.title}» подписан и зарегистрирован: № ${e.registrationNumber} от ${formatRuDate(e.registeredOn)}. Приказ вступил в силу; отчётные периоды по плану откроются по его срокам.`,
    link: orderPage(e.orderId),
  }),
  periodOpened: (e: PeriodOpenedEvent): NoticeText => ({
    kind: 'period_opened',
    title: `Открыт отчётный период: ${e.quarter} квартал ${e.year} г.`,
    text: `По плану «${e.planTitle}» открыт отчётный период ${e.quarter} квартал ${e.year} г. Отправьте отчёт своей организации о проведённых мероприятиях до ${formatRuDate(e.deadline)} включительно.`,
    link: '/reports',
  }),
  reminderDue: (e: ReminderDueEvent): NoticeText => ({
    kind: 'report_reminder',
    title: `Скоро срок отчёта: ${e.quarter} квартал ${e.year} г.`,
    text: `Ваша организация ещё не отправила отчёт за ${e.quarter} квартал ${e.year} г. по плану «${e.planTitle}». Срок — ${formatRuDate(e.deadline)} включительно: отправьте отчёт до этого дня.`,
    link: '/reports',
  }),
  overdueDigest: (e: OverdueDigestEvent): NoticeText => ({
    kind: 'overdue_digest',
    title: `Просрочены отчёты за ${e.quarter} квартал ${e.year} г.`,
    text: `По плану «${e.planTitle}» срок отчётов за ${e.quarter} квартал ${e.year} г. истёк ${formatRuDate(e.deadline)}: не отчитались ${e.late} из ${e.expected} организаций. Кто опоздал и на сколько дней — на странице мониторинга приказа.`,
    link: `/monitoring?orderId=${e.orderId}`,
  }),
};

/** The e-mail of a notice: its heading as the subject, the text with the page's full address. */
export function emailOf(notice: { title: string; text: string; link: string }, publicUrl: string): { subject: string; text: string } {
  // Appended, not resolved: an installation under a path (https://host/eduplan) keeps its prefix.
  const url = `${publicUrl.replace(/\/+$/, '')}${notice.link}`;
  return {
    subject: `eduplan: ${notice.title}`,
    text: `${notice.text}\n\nОткрыть: ${url}\n\nЭто письмо отправлено автоматически системой eduplan; отвечать на него не нужно.`,
  };
}

import { api } from '../api';
import type { EventOutcome, PlanEventDto, ReportingPeriodDto, SubmitReportRequest } from '../contracts';
import { field, h, replaceContent, selectOf } from '../dom';
import { onSubmit } from '../feedback';
import { OUTCOME_LABEL } from '../labels';

function itemRow(event: PlanEventDto | undefined, eventId: string): HTMLElement {
  return h(
    'tr',
    { class: 'report-item', 'data-event-id': eventId },
    h('td', {}, event ? [event.number ? `${event.number}. ` : '', event.title] : eventId, event ? h('div', { class: 'muted' }, event.deadline.raw) : null),
    h('td', {}, selectOf('outcome', Object.entries(OUTCOME_LABEL))),
    h('td', {}, h('input', { name: 'heldOn', type: 'date' })),
    h('td', {}, h('input', { name: 'participants', type: 'number', min: 0, step: 1, class: 'narrow' })),
    h('td', {}, h('textarea', { name: 'comment', rows: 1 })),
  );
}

function itemOf(row: Element): SubmitReportRequest['items'][number] {
  const value = (name: string) => row.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value.trim() ?? '';
  return {
    eventId: row.getAttribute('data-event-id') ?? '',
    outcome: value('outcome') as EventOutcome,
    heldOn: value('heldOn') || null,
    participants: value('participants') === '' ? null : Number(value('participants')),
    comment: value('comment') || null,
  };
}

/** A center's report for an open period: for each of its due events, what happened and how many took part. */
export function reportForm(
  period: ReportingPeriodDto,
  events: Map<string, PlanEventDto>,
  organizationName: (id: string) => string,
  submitted: () => void,
): HTMLFormElement {
  const due = period.expected.filter((e) => !e.submitted);
  const organization = selectOf(
    'organizationId',
    due.map((e): [string, string] => [e.organizationId, organizationName(e.organizationId)]),
  );
  const rows = h('tbody');
  const showEvents = () => {
    const expected = period.expected.find((e) => e.organizationId === organization.value);
    replaceContent(rows, (expected?.eventIds ?? []).map((id) => itemRow(events.get(id), id)));
  };
  organization.addEventListener('change', showEvents);
  showEvents();
  const form = h(
    'form',
    { class: 'report-form' },
    h('h4', {}, `Отчёт центра за ${period.quarter} квартал ${period.year} г.`),
    field('Организация', organization, 'Центр отчитывается только о своих мероприятиях'),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Мероприятие'), h('th', {}, 'Итог'), h('th', {}, 'Дата проведения'), h('th', {}, 'Участников'), h('th', {}, 'Комментарий'))),
      rows,
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Отправить отчёт')),
  );
  onSubmit(form, async () => {
    await api('POST', '/api/reports', { periodId: period.id, organizationId: organization.value, items: [...rows.children].map(itemOf) });
    submitted();
    return 'Отчёт принят';
  });
  return form;
}

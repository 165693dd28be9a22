import { api } from '../api';
import type { OrganizationDto, PlanDto, PlanEventDto, PlanResponsibleDto, Schedule } from '../contracts';
import { h } from '../dom';
import { loadInto } from '../feedback';
import { formatDate, formatInterval } from '../format';
import { RECURRENCE_LABEL, SCHEDULE_KIND_LABEL } from '../labels';
import { orderDraftForm } from './order-draft-form';
import { linkSummary, responsiblePanel } from './responsible-links';
import type { View } from './view';

/** How the «Сроки» text was understood: kind, dates, recurrence, and the parser's doubts. */
function scheduleCell(schedule: Schedule): HTMLElement {
  return h(
    'td',
    { class: schedule.warnings.length ? 'schedule doubtful' : 'schedule' },
    h('span', { class: `kind kind-${schedule.kind}` }, SCHEDULE_KIND_LABEL[schedule.kind]),
    h('div', {}, schedule.intervals.map(formatInterval).join('; ')),
    schedule.recurrence
      ? h('div', {}, RECURRENCE_LABEL[schedule.recurrence], schedule.repeatUntil ? ` до ${formatDate(schedule.repeatUntil)}` : '')
      : null,
    schedule.confidence < 1 ? h('div', { class: 'muted' }, `уверенность ${Math.round(schedule.confidence * 100)}%`) : null,
    schedule.warnings.map((warning) => h('div', { class: 'warning' }, '⚠ ', warning)),
  );
}

function eventRow(event: PlanEventDto, links: PlanResponsibleDto['events'][number] | undefined): HTMLElement {
  return h(
    'tr',
    { 'data-event-id': event.id },
    h('td', {}, event.number ?? ''),
    h(
      'td',
      {},
      h('strong', {}, event.title),
      event.content ? h('div', {}, event.content) : null,
      event.expectedResult ? h('div', { class: 'muted' }, 'Ожидаемый результат: ', event.expectedResult) : null,
    ),
    h('td', {}, event.audience ?? '—'),
    h('td', {}, event.deadline.raw),
    scheduleCell(event.deadline),
    h('td', {}, (links?.responsible ?? event.responsible.map((r) => ({ name: r.name, link: null }))).map((r) => h('div', {}, r.name, links ? linkSummary(r.link) : null))),
  );
}

function planContent(plan: PlanDto, issuer: string, linked: PlanResponsibleDto | null): HTMLElement[] {
  const linksOf = new Map((linked?.linked ? linked.events : []).map((e) => [e.eventId, e]));
  const events = plan.sections.flatMap((s) => s.events);
  const doubtful = events.filter((e) => e.deadline.warnings.length > 0).length;
  const header = h(
    'div',
    { class: 'card' },
    h('h2', {}, plan.title),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Период'),
      h('dd', {}, formatInterval(plan.period)),
      h('dt', {}, 'Утверждает'),
      h('dd', {}, issuer),
      h('dt', {}, 'Версия'),
      h('dd', {}, String(plan.version)),
      h('dt', {}, 'Мероприятий'),
      h('dd', {}, String(events.length), doubtful ? h('span', { class: 'warning' }, ` · сроки ${doubtful} из них требуют проверки`) : null),
      h('dt', {}, 'Идентификатор'),
      h('dd', {}, h('code', { class: 'id' }, plan.id)),
    ),
  );
  const table = h(
    'table',
    { class: 'plan-table' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, '№'), h('th', {}, 'Мероприятие'), h('th', {}, 'Целевая аудитория'), h('th', {}, 'Сроки (как в плане)'), h('th', {}, 'Как понят срок'), h('th', {}, 'Ответственные')),
    ),
    plan.sections.map((section) =>
      h(
        'tbody',
        {},
        h('tr', { class: 'section-row' }, h('td', { colspan: 6 }, [section.number, section.title].filter(Boolean).join('. '))),
        section.events.map((event) => eventRow(event, linksOf.get(event.id))),
      ),
    ),
  );
  return [header, responsiblePanel(plan.id), h('div', { class: 'card scroll' }, table), orderDraftForm(plan)];
}

/** A plan: its sections and events with their deadlines as parsed, and the form for the order approving it. */
export function planView(planId: string): View {
  const element = h('section');
  void loadInto(element, async () => {
    const plan = await api<PlanDto>('GET', `/api/plans/${planId}`);
    const issuer = await api<OrganizationDto>('GET', `/api/organizations/${plan.issuerId}`).then(
      (o) => o.name,
      () => plan.issuerId,
    );
    const linked = await api<PlanResponsibleDto>('GET', `/api/plans/${planId}/responsible`).catch(() => null);
    return planContent(plan, issuer, linked);
  }, 'Загрузка плана…');
  return { title: 'План', element };
}

import { api } from '../api';
import type { PlanResponsibleDto, ResolvedResponsibleDto, ResponsibleLinkDto } from '../contracts';
import { h, selectOf } from '../dom';
import { loadInto, onSubmit } from '../feedback';
import { CENTER_TYPE_LABEL } from '../labels';

const METHOD_LABEL: Record<string, string> = {
  alias: 'по сохранённому сопоставлению',
  exact: 'по названию',
  normalized: 'по названию (без учёта написания)',
  issuer_unit: 'подразделение издателя',
  group: 'группа',
  fuzzy: 'по сходству',
};

/** One line saying what a responsible string links to. */
export function linkSummary(link: ResponsibleLinkDto | null): HTMLElement {
  if (!link) return h('div', { class: 'muted' }, 'не сопоставлено');
  if (link.status === 'not_reporting') return h('div', { class: 'muted' }, 'не отчитывается');
  if (link.status === 'review') return h('div', { class: 'warning' }, '⚠ ', link.reason);
  if (link.method === 'group') {
    const types = link.group.centerTypes.map((t) => CENTER_TYPE_LABEL[t]).join(', ') || 'образовательные организации';
    const count = link.memberCount ?? link.organizationIds.length;
    return h('div', { class: 'ok' }, `группа: ${types} — сейчас ${count}`);
  }
  const sure = link.confidence < 1 ? `, уверенность ${Math.round(link.confidence * 100)}%` : '';
  return h('div', { class: 'ok' }, `${METHOD_LABEL[link.method] ?? link.method}${sure}`);
}

/** The import preview's «Ответственные»: each string once, with what it links to. */
export function previewLinks(links: ResolvedResponsibleDto[]): HTMLElement {
  const distinct = new Map(links.map((l) => [`${l.raw}\u0000${l.name}`, l]));
  const review = [...distinct.values()].filter((l) => l.link.status === 'review').length;
  return h(
    'div',
    { class: 'wide', id: 'import-responsible' },
    h('h4', {}, `Ответственные (${distinct.size}; требуют проверки: ${review})`),
    h('ul', {}, [...distinct.values()].map((l) => h('li', {}, l.name, linkSummary(l.link)))),
  );
}

/** The plan page's strings that keep its order from approval, each with the choice a person makes once. */
export function unresolvedPanel(planId: string, linked: PlanResponsibleDto, reload: () => void): HTMLElement {
  // After organizations were added to the registry or the plan was edited: link every string again.
  const relink = h('form', {}, h('button', { type: 'submit' }, 'Сопоставить заново'));
  onSubmit(relink, async () => {
    await api('POST', `/api/plans/${planId}/responsible/relink`);
    reload();
    return null;
  });
  if (linked.unresolved.length === 0) {
    return h('div', { class: 'card' }, h('p', { class: 'ok' }, linked.linked ? 'Все ответственные сопоставлены с организациями.' : 'Ответственные ещё не сопоставлялись с организациями.'), relink);
  }
  const candidatesOf = new Map(
    linked.events.flatMap((e) => e.responsible).map((r) => [r.raw, r.link?.status === 'review' ? r.link.candidates : []]),
  );
  return h(
    'div',
    { class: 'card', id: 'responsible-review' },
    h('h3', {}, `Ответственные без организации (${linked.unresolved.length})`),
    h('p', { class: 'muted' }, 'Пока они не сопоставлены или не отмечены «не отчитывается», приказ нельзя направить на согласование. Выбор запоминается для региона.'),
    relink,
    linked.unresolved.map((item) => {
      const options: [string, string][] = [
        ...(candidatesOf.get(item.raw) ?? []).map((c): [string, string] => [c.organizationId, `${c.name} (${Math.round(c.score * 100)}%)`]),
        ['not_reporting', 'не отчитывается (внешняя организация)'],
      ];
      const form = h(
        'form',
        { class: 'form-grid' },
        h('div', { class: 'wide' }, h('strong', {}, item.name), h('span', { class: 'muted' }, ` — мероприятия ${item.events.join(', ')}`)),
        selectOf('choice', options),
        h('button', { type: 'submit' }, 'Сохранить'),
      );
      onSubmit(form, async () => {
        const choice = (form.elements.namedItem('choice') as HTMLSelectElement).value;
        const body = choice === 'not_reporting' ? { text: item.raw, notReporting: true } : { text: item.raw, organizationIds: [choice] };
        await api('POST', `/api/plans/${planId}/responsible/confirm`, body);
        reload();
        return null;
      });
      return form;
    }),
  );
}

/** Loads the plan's links into a container and redraws it after each answer. */
export function responsiblePanel(planId: string): HTMLElement {
  const element = h('div');
  const load = () => void loadInto(element, async () => unresolvedPanel(planId, await api<PlanResponsibleDto>('GET', `/api/plans/${planId}/responsible`), load));
  load();
  return element;
}

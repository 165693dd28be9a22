import { api } from '../api';
import type { ImportedPlanFile, OrganizationDto, PlanDto, ResolvedResponsibleDto } from '../contracts';
import { field, h, replaceContent, selectOf, valueOf } from '../dom';
import { onSubmit } from '../feedback';
import { formatDate, formatInterval } from '../format';
import { ORDER_KIND_LABEL } from '../labels';
import { previewLinks } from './responsible-links';

type Preview = ImportedPlanFile & { responsibleLinks?: ResolvedResponsibleDto[] };

/**
 * Import of a plan document: the file is read on the server and shown before anything is stored; only
 * «Создать план» writes it, whole. The title can be corrected here, since some documents lack one.
 */
export function planImportForm(ministries: OrganizationDto[]): HTMLElement {
  const preview = h('div', { id: 'import-preview' });
  const form = h(
    'form',
    { id: 'plan-import-form', class: 'card form-grid' },
    h('h3', {}, 'Импорт плана из документа'),
    h('p', { class: 'muted' }, 'Файл .docx или текст, выгруженный из Word/PDF (.txt). Сначала показывается, что распознано; план создаётся только после подтверждения.'),
    field('Файл плана', h('input', { type: 'file', name: 'file', required: true, accept: '.docx,.txt,text/plain' })),
    field('Издатель (министерство)', selectOf('issuerId', ministries.map((m) => [m.id, m.shortName ?? m.name]))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', disabled: ministries.length === 0 }, 'Проверить файл')),
    ministries.length === 0 ? h('p', { class: 'warning' }, 'Сначала создайте министерство на вкладке «Организации».') : null,
  );
  onSubmit(form, async () => {
    replaceContent(preview);
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) throw new Error('Выберите файл плана');
    const issuerId = valueOf(form, 'issuerId');
    // Named issuer: the preview also says which of its organizations each «Ответственные» string links to.
    const { responsibleLinks, ...imported } = await api<Preview>('POST', `/api/plans/import/preview?issuerId=${encodeURIComponent(issuerId)}`, file);
    replaceContent(preview, previewCard(imported, issuerId, responsibleLinks ?? []));
    return `Файл «${file.name}» прочитан: проверьте распознанное ниже`;
  });
  return h('div', {}, form, preview);
}

function previewCard(imported: ImportedPlanFile, issuerId: string, links: ResolvedResponsibleDto[]): HTMLElement {
  const { document, plan, warnings } = imported;
  const events = plan.sections.reduce((n, s) => n + s.events.length, 0);
  const title = h('textarea', { name: 'title', required: true, rows: 2 }, plan.title ?? '');
  const confirm = h(
    'form',
    { id: 'import-confirm-form', class: 'card form-grid' },
    h('h3', {}, 'Распознано'),
    h(
      'dl',
      { class: 'facts wide' },
      h('dt', {}, 'Документ'),
      h('dd', {}, document.kind ? `${ORDER_KIND_LABEL[document.kind]}${document.number ? ` № ${document.number}` : ''}${document.date ? ` от ${formatDate(document.date)}` : ''}` : 'не найден (только план)'),
      h('dt', {}, 'Период плана'),
      h('dd', {}, formatInterval(plan.period)),
      h('dt', {}, 'Разделы и мероприятия'),
      h('dd', { id: 'import-counts' }, `${plan.sections.length} разделов, ${events} мероприятий`),
    ),
    h('div', { class: 'wide' }, field('Название плана', title, plan.title ? undefined : 'В файле название не найдено: впишите его')),
    warnings.length
      ? h(
          'div',
          { class: 'wide' },
          h('h4', {}, `Предупреждения (${warnings.length})`),
          h('ul', { class: 'import-warnings' }, warnings.map((w) => h('li', {}, w.line === null ? null : h('span', { class: 'muted' }, `строка ${w.line}: `), w.message))),
        )
      : h('p', { class: 'ok' }, 'Без предупреждений'),
    previewLinks(links),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Создать план')),
  );
  onSubmit(confirm, async () => {
    const created = await api<PlanDto>('POST', '/api/plans/import', { issuerId, imported: { ...imported, plan: { ...plan, title: valueOf(confirm, 'title') } } });
    location.hash = `#/plans/${created.id}`;
    return null;
  });
  return confirm;
}


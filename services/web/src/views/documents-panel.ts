import { api } from '../api';
import type { DocumentDto } from '../contracts';
import { h } from '../dom';
import { formatDateTime, formatSize } from '../format';
import { DOCUMENT_KIND_LABEL } from '../labels';

/** The order's documents (order PDF, memos), newest first, each with a download link. */
export async function documentsPanel(orderId: string): Promise<HTMLElement[]> {
  const documents = await api<DocumentDto[]>('GET', `/api/orders/${orderId}/documents`);
  if (documents.length === 0) return [h('h3', {}, 'Документы'), h('p', { class: 'muted' }, 'Документов пока нет: подписанный приказ и справки появятся здесь.')];
  const sorted = [...documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return [
    h('h3', {}, `Документы (${documents.length})`),
    h(
      'table',
      { id: 'documents-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Документ'), h('th', {}, 'Версия'), h('th', {}, 'Подпись'), h('th', {}, 'Создан'), h('th', {}, 'Файл'))),
      h(
        'tbody',
        {},
        sorted.map((d) =>
          h(
            'tr',
            {},
            h('td', {}, DOCUMENT_KIND_LABEL[d.kind]),
            h('td', {}, String(d.version)),
            h('td', {}, d.signed ? h('span', { class: 'ok' }, 'подписан ЭП') : 'без подписи'),
            h('td', {}, formatDateTime(d.createdAt), h('div', { class: 'muted' }, d.createdBy)),
            h('td', {}, h('a', { href: `/api/documents/${d.id}/content`, download: d.fileName }, `⬇ ${d.fileName}`), h('div', { class: 'muted' }, formatSize(d.size))),
          ),
        ),
      ),
    ),
  ];
}

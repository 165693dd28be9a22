import { api } from '../api';
import type { OrderDto } from '../contracts';
import { field, h, optionalValueOf, valueOf } from '../dom';
import { onSubmit } from '../feedback';

/** One point per line; the numbers are the document's, so a typed «1.» is dropped. */
export function pointsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
    .filter(Boolean);
}

export const pointsField = (points: string[] = [], hint?: string): HTMLLabelElement =>
  field('Пункты приказа (каждый с новой строки)', h('textarea', { name: 'points', rows: 4 }, points.join('\n')), hint);

/**
 * The text of a draft or returned order: heading, place, basis, points and, before approval, the signatory.
 * The date and number are not here: registration gives them.
 */
export function orderTextForm(order: OrderDto, saved: (order: OrderDto) => void): HTMLFormElement {
  const draft = order.status === 'draft';
  const form = h(
    'form',
    { id: 'order-text-form', class: 'card form-grid' },
    h('h3', {}, draft ? 'Текст проекта' : 'Доработка текста'),
    h('div', { class: 'wide' }, field('Заголовок', h('textarea', { name: 'title', required: true, rows: 2 }, order.title))),
    field('Место издания', h('input', { name: 'place', value: order.place ?? '' })),
    field('Основание (преамбула)', h('textarea', { name: 'basis', rows: 3 }, order.basis ?? '')),
    h('div', { class: 'wide' }, pointsField(order.points)),
    draft
      ? [
          h('h4', {}, 'Подписывает'),
          field('Пользователь (userId)', h('input', { name: 'signatoryUserId', required: true, value: order.signatory.userId })),
          field('Фамилия и инициалы', h('input', { name: 'signatoryName', required: true, value: order.signatory.name })),
          field('Должность', h('input', { name: 'signatoryPosition', required: true, value: order.signatory.position })),
        ]
      : null,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Сохранить текст')),
  );
  onSubmit(form, async () => {
    const signatory = draft
      ? { signatory: { userId: valueOf(form, 'signatoryUserId'), name: valueOf(form, 'signatoryName'), position: valueOf(form, 'signatoryPosition') } }
      : {};
    saved(
      await api<OrderDto>('PATCH', `/api/orders/${order.id}`, {
        title: valueOf(form, 'title'),
        place: optionalValueOf(form, 'place'),
        basis: optionalValueOf(form, 'basis'),
        points: pointsOf(valueOf(form, 'points')),
        ...signatory,
      }),
    );
    return 'Текст сохранён';
  });
  return form;
}

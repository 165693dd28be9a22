import { api } from '../api';
import { ORDER_KIND_LABEL } from '../labels';
import type { OrderDto, PlanDto } from '../contracts';
import { field, h, optionalValueOf, selectOf, valueOf } from '../dom';
import { onSubmit } from '../feedback';
import { pointsField, pointsOf } from './order-text-form';

/** Creates the draft order (приказ or распоряжение) that approves the plan, then opens it. */
export function orderDraftForm(plan: PlanDto): HTMLFormElement {
  const form = h(
    'form',
    { id: 'order-draft-form', class: 'card form-grid' },
    h('h3', {}, 'Проект приказа об утверждении плана'),
    field('Вид документа', selectOf('kind', Object.entries(ORDER_KIND_LABEL))),
    h(
      'div',
      { class: 'wide' },
      field('Заголовок', h('textarea', { name: 'title', required: true, rows: 2, placeholder: 'Об утверждении комплексного плана мероприятий …' }), `План: «${plan.title}»`),
    ),
    field('Место издания', h('input', { name: 'place', placeholder: 'г. Тверь' })),
    field('Основание (преамбула)', h('textarea', { name: 'basis', rows: 2, placeholder: 'необязательно' })),
    h('div', { class: 'wide' }, pointsField([], 'Если оставить пустым: «Утвердить … (прилагается)» и «Контроль за исполнением … оставляю за собой»')),
    h('h4', {}, 'Подписывает'),
    field('Пользователь (userId)', h('input', { name: 'signatoryUserId', required: true, placeholder: 'kalinina' })),
    field('Фамилия и инициалы', h('input', { name: 'signatoryName', required: true, placeholder: 'О.Е. Калинина' })),
    field('Должность', h('input', { name: 'signatoryPosition', required: true, placeholder: 'Министр образования Тверской области' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Создать проект приказа')),
  );
  onSubmit(form, async () => {
    const points = pointsOf(valueOf(form, 'points'));
    const order = await api<OrderDto>('POST', '/api/orders', {
      planId: plan.id,
      kind: valueOf(form, 'kind'),
      title: valueOf(form, 'title'),
      place: optionalValueOf(form, 'place'),
      basis: optionalValueOf(form, 'basis'),
      ...(points.length > 0 ? { points } : {}),
      signatory: { userId: valueOf(form, 'signatoryUserId'), name: valueOf(form, 'signatoryName'), position: valueOf(form, 'signatoryPosition') },
    });
    location.hash = `#/orders/${order.id}`;
    return null;
  });
  return form;
}

import { api } from '../api';
import type { OrderWorkflowState } from '../contracts';
import { field, h } from '../dom';
import { onSubmit } from '../feedback';

function approverRow(): HTMLElement {
  const row = h(
    'div',
    { class: 'approver-row' },
    h('input', { name: 'userId', required: true, placeholder: 'userId', 'aria-label': 'Пользователь (userId)' }),
    h('input', { name: 'name', required: true, placeholder: 'И.И. Иванов', 'aria-label': 'Фамилия и инициалы' }),
    h('input', { name: 'position', required: true, placeholder: 'Начальник правового управления', 'aria-label': 'Должность' }),
  );
  row.append(h('button', { type: 'button', class: 'link', title: 'Убрать согласующего', onclick: () => row.remove() }, '✕'));
  return row;
}

function stageBlock(number: number): HTMLElement {
  const approvers = h('div', { class: 'approver-rows' }, approverRow());
  const block = h(
    'fieldset',
    { class: 'stage-input' },
    h('legend', {}, `Этап ${number}`),
    field('Название этапа', h('input', { name: 'stageName', required: true, value: number === 1 ? 'Правовое управление' : '' })),
    h('div', { class: 'muted' }, 'Согласующие этапа (решают параллельно): пользователь, фамилия и инициалы, должность'),
    approvers,
    h('button', { type: 'button', class: 'secondary', onclick: () => approvers.append(approverRow()) }, '+ согласующий'),
  );
  block.append(h('button', { type: 'button', class: 'link', onclick: () => block.remove() }, 'убрать этап'));
  return block;
}

const inputValue = (root: Element, name: string): string => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';

/** The approval route: ordered stages, each with approvers acting in parallel; submitting starts the workflow. */
export function approvalRouteForm(orderId: string, submitted: (state: OrderWorkflowState) => void): HTMLFormElement {
  const stages = h('div', { class: 'stage-inputs' }, stageBlock(1));
  const form = h(
    'form',
    { id: 'approval-route-form', class: 'card' },
    h('h3', {}, 'Направить на согласование'),
    h('p', { class: 'muted' }, 'Этапы проходят по порядку; возврат на доработку отправляет проект автору со всеми замечаниями.'),
    stages,
    h('button', { type: 'button', class: 'secondary', onclick: () => stages.append(stageBlock(stages.children.length + 1)) }, '+ этап'),
    field('Срок отчёта центров после конца квартала, рабочих дней', h('input', { name: 'reportDeadlineWorkingDays', type: 'number', min: 1, max: 60, value: 10 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Направить на согласование')),
  );
  onSubmit(form, async () => {
    const route = [...stages.querySelectorAll('fieldset.stage-input')].map((stage) => ({
      name: inputValue(stage, 'stageName'),
      approvers: [...stage.querySelectorAll('.approver-row')].map((row) => ({
        userId: inputValue(row, 'userId'),
        name: inputValue(row, 'name'),
        position: inputValue(row, 'position'),
      })),
    }));
    const state = await api<OrderWorkflowState>('POST', `/api/orders/${orderId}/submit`, {
      route,
      reportDeadlineWorkingDays: Number(inputValue(form, 'reportDeadlineWorkingDays')),
    });
    submitted(state);
    return 'Приказ направлен на согласование';
  });
  return form;
}

import { errorMessage } from './api';
import { h, replaceContent, type Child } from './dom';

export const loadingLine = (text = 'Загрузка…'): HTMLElement => h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner' }), text);

/** The API's Russian message as it came. */
export const errorLine = (error: unknown): HTMLElement => h('p', { class: 'message error', role: 'alert' }, errorMessage(error));

export const successLine = (text: string): HTMLElement => h('p', { class: 'message success', role: 'status' }, text);

/** Shows «Загрузка…» in the container, then what the task built, or the error. */
export async function loadInto(container: Element, task: () => Promise<Child | Child[]>, loadingText?: string): Promise<void> {
  replaceContent(container, loadingLine(loadingText));
  try {
    replaceContent(container, await task());
  } catch (error) {
    replaceContent(container, errorLine(error));
  }
}

/**
 * Runs a form's action on submit: its buttons are disabled and a status line says it is being sent;
 * the status then shows the success text or the API's error.
 */
export function onSubmit(form: HTMLFormElement, action: () => Promise<string | null>): HTMLElement {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  form.append(status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((button) => (button.disabled = true));
    replaceContent(status, loadingLine('Отправка…'));
    action()
      .then((done) => replaceContent(status, done ? successLine(done) : null))
      .catch((error: unknown) => replaceContent(status, errorLine(error)))
      .finally(() => buttons.forEach((button) => (button.disabled = false)));
  });
  return status;
}

import { request } from './api';
import { field, h, valueOf } from './dom';
import { onSubmit } from './feedback';

/** Sign-in with login and password, and single sign-on when the gateway has it configured. */
export function loginPage(): HTMLElement {
  const form = h(
    'form',
    { id: 'login-form', class: 'card form-grid login-card' },
    h('h1', {}, 'Вход в eduplan'),
    field('Логин', h('input', { name: 'login', required: true, autocomplete: 'username', autofocus: true })),
    field('Пароль', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Войти')),
  );
  onSubmit(form, async () => {
    const reply = await request<{ message?: string }>('POST', '/api/auth/login', {
      login: valueOf(form, 'login'),
      password: (form.elements.namedItem('password') as HTMLInputElement).value,
    });
    // The message alone: which service checked the password is of no use to the person at the login page.
    if (reply.status !== 200) throw new Error(reply.body.message ?? `Ошибка ${reply.status}`);
    location.reload();
    return 'Вход выполнен';
  });
  const sso = h('p', { class: 'sso' });
  void request<{ oidc: boolean }>('GET', '/api/auth/options').then((reply) => {
    if (reply.status === 200 && reply.body.oidc) sso.append(h('a', { id: 'sso-link', href: '/api/auth/oidc/start' }, 'Войти через единый вход организации'));
  });
  return h('main', { class: 'login-page' }, form, sso);
}

import { api } from './api';
import { h } from './dom';
import { ROLE_LABEL } from './labels';
import type { SignedIn } from './session';

/** The header's corner: who is signed in, in which role and organization, and the way out. */
export function signedInUser(who: SignedIn): HTMLElement {
  const logout = h('button', { type: 'button', id: 'logout', class: 'secondary' }, 'Выйти');
  logout.addEventListener('click', () => {
    void api('POST', '/api/auth/logout').finally(() => location.reload());
  });
  const roles = who.roles.map((role) => ROLE_LABEL[role]).join(', ');
  return h(
    'div',
    { class: 'signed-in', id: 'signed-in' },
    h('span', { class: 'signed-in-name' }, who.name),
    h('small', { class: 'signed-in-role' }, [roles, who.organization?.shortName ?? who.organization?.name].filter(Boolean).join(' · ')),
    logout,
  );
}

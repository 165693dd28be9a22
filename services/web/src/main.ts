import { request } from './api';
import { h, replaceContent } from './dom';
import { loginPage } from './login-page';
import { NAVIGATION, viewFor } from './router';
import { setSignedIn, type SignedIn } from './session';
import { signedInUser } from './signed-in-user';
import { healthBar } from './views/health-bar';
import type { View } from './views/view';

/** Shows the login page until a session answers who is signed in, then the application. */
async function start(): Promise<void> {
  const me = await request<SignedIn>('GET', '/api/auth/me').catch(() => null);
  if (me?.status !== 200) {
    document.title = 'Вход — eduplan';
    document.body.append(loginPage());
    return;
  }
  setSignedIn(me.body);
  showApplication(me.body);
}

function showApplication(who: SignedIn): void {
  const main = h('main', { id: 'view' });
  const links = NAVIGATION.map(([hash, label]) => h('a', { href: hash }, label));
  document.body.append(
    h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, h('strong', {}, 'eduplan'), h('span', {}, 'Планы мероприятий центров «Точка роста», «Кванториум», «IT-куб»')),
      signedInUser(who),
    ),
    healthBar(),
    h('nav', { class: 'tabs' }, links),
    main,
  );

  let current: View | null = null;
  const route = () => {
    current?.dispose?.();
    current = viewFor(location.hash);
    const section = location.hash.split('/')[1] ?? '';
    links.forEach((link) => link.classList.toggle('active', link.hash.split('/')[1] === (section || 'organizations')));
    document.title = `${current.title} — eduplan`;
    replaceContent(main, current.element);
  };
  window.addEventListener('hashchange', route);
  route();
}

void start();

import { h, replaceContent } from './dom';
import { NAVIGATION, viewFor } from './router';
import { userField } from './user-field';
import { healthBar } from './views/health-bar';
import type { View } from './views/view';

function start(): void {
  const main = h('main', { id: 'view' });
  const links = NAVIGATION.map(([hash, label]) => h('a', { href: hash }, label));
  document.body.append(
    h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, h('strong', {}, 'eduplan'), h('span', {}, 'Планы мероприятий центров «Точка роста», «Кванториум», «IT-куб»')),
      userField(),
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

start();

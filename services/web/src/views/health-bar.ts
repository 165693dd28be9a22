import { errorMessage, request } from '../api';
import type { HealthReport } from '../contracts';
import { h, replaceContent } from '../dom';
import { SERVICE_LABEL } from '../labels';

const REFRESH_MS = 10_000;

function chip(name: string, status: 'up' | 'down', detail: string | null): HTMLElement {
  const label = SERVICE_LABEL[name] ?? name;
  return h(
    'span',
    { class: `chip ${status}`, 'data-part': name, 'data-status': status, title: detail ?? (status === 'up' ? 'работает' : 'недоступен') },
    h('span', { class: 'dot' }),
    label,
  );
}

/** One line at the top: every service, PostgreSQL and Temporal, green or red, refreshed every 10 s. */
export function healthBar(): HTMLElement {
  const parts = h('div', { class: 'health-parts' }, h('span', { class: 'muted' }, 'Проверка состояния системы…'));
  const summary = h('span', { class: 'health-summary' });
  const bar = h('section', { class: 'health-bar', id: 'health-bar', 'aria-label': 'Состояние системы' }, h('strong', {}, 'Состояние:'), parts, summary);

  const refresh = async () => {
    try {
      const { body } = await request<HealthReport>('GET', '/health');
      const services = Object.entries(body.services).map(([name, s]) => chip(name, s.status, s.message));
      replaceContent(parts, services, chip('postgres', body.postgres, null), chip('temporal', body.temporal, null));
      bar.dataset.status = body.status;
      const time = new Date().toLocaleTimeString('ru-RU');
      replaceContent(summary, body.status === 'up' ? `всё работает · ${time}` : `есть недоступные части · ${time}`);
    } catch (error) {
      bar.dataset.status = 'down';
      replaceContent(parts, chip('gateway', 'down', errorMessage(error)));
      replaceContent(summary, errorMessage(error));
    }
  };
  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
  return bar;
}

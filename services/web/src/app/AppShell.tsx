import { Button } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { api } from '../api/client';
import { useMe, useResetSession } from '../auth/use-me';
import { Loading } from '../components/Feedback';
import { ROLE_LABEL } from '../i18n/labels';
import { HealthIndicator } from './HealthIndicator';
import { NotFoundPage } from './NotFoundPage';
import { NotificationBell } from './NotificationBell';
import { navigationFor, ROUTES } from './routes';

/** Header with who is signed in and the way out, the sections this person's roles use, and the page. */
export function AppShell() {
  const me = useMe();
  const reset = useResetSession();
  const logout = useMutation({ mutationFn: () => api.POST('/api/auth/logout'), onSettled: () => reset(null) });
  const roles = me.roles.map((role) => ROLE_LABEL[role]).join(', ');
  const organization = me.organization?.shortName ?? me.organization?.name;
  return (
    <>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <a className="app-brand" href="/">
          eduplan
        </a>
        <span className="app-brand-note">Планы мероприятий центров «Точка роста», «Кванториум», «IT-куб»</span>
        <span className="spacer" />
        <HealthIndicator />
        <NotificationBell />
        <div className="signed-in" id="signed-in">
          <div className="signed-in-who">
            <span className="signed-in-name">{me.name}</span>
            <span className="signed-in-role">{[roles, organization].filter(Boolean).join(' · ')}</span>
          </div>
          <Button id="logout" view="outlined-contrast" loading={logout.isPending} onClick={() => logout.mutate()}>
            Выйти
          </Button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Разделы">
        {navigationFor(me).map(({ path, label }) => (
          <NavLink key={path} to={path} end={path === '/'}>
            {label}
          </NavLink>
        ))}
      </nav>
      <main className="app-main" id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            {ROUTES.map(({ path, Page }) => (
              <Route key={path} path={path} element={<Page />} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

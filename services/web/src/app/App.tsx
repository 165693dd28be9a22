import { ThemeProvider } from '@gravity-ui/uikit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { SignInPage } from '../auth/SignInPage';
import { SignedInContext, useMeQuery } from '../auth/use-me';
import { ErrorMessage, Loading } from '../components/Feedback';
import { AppShell } from './AppShell';

const queryClient = new QueryClient({
  defaultOptions: {
    // A refusal (4xx) will not change on retry; a network blip might.
    queries: { retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && Number(error.status) >= 400), refetchOnWindowFocus: false },
  },
});

/** The sign-in page until a session answers who is signed in, then the application. */
function Gate() {
  const me = useMeQuery();
  if (me.isPending) return <Loading text="Проверка входа…" />;
  if (me.error) return <ErrorMessage error={me.error} />;
  if (!me.data) return <SignInPage />;
  return (
    <SignedInContext.Provider value={me.data}>
      <AppShell />
    </SignedInContext.Provider>
  );
}

export function App() {
  return (
    <ThemeProvider theme="light" lang="ru">
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Gate />
        </BrowserRouter>
      </QueryClientProvider>
    </ThemeProvider>
  );
}

import { Alert, Loader } from '@gravity-ui/uikit';
import type { ReactNode } from 'react';
import { errorText } from '../api/api-error';

/** «Загрузка…» with a spinner, announced to screen readers. */
export function Loading({ text = 'Загрузка…' }: { text?: string }) {
  return (
    // A div, not a paragraph: the kit's spinner is a div.
    <div role="status" className="muted" style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '8px 0' }}>
      <Loader size="s" />
      {text}
    </div>
  );
}

/** The API's Russian message as it came. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return <Alert theme="danger" title={title} message={errorText(error)} className="error-message" />;
}

export function Success({ children }: { children: ReactNode }) {
  return <Alert theme="success" message={children} className="success-message" />;
}

/** What a query shows: loading, its error, or what `children` builds from the data. */
export function QueryView<T>({ query, loading, children }: { query: { data: T | undefined; error: unknown; isPending: boolean }; loading?: string; children: (data: T) => ReactNode }) {
  if (query.error) return <ErrorMessage error={query.error} />;
  if (query.isPending || query.data === undefined) return <Loading text={loading} />;
  return <>{children(query.data)}</>;
}

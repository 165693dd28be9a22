import { Text } from '@gravity-ui/uikit';
import { useEffect, type ReactNode } from 'react';

/** The page's one h1, also the window's title. */
export function PageTitle({ children, title, after }: { children: ReactNode; title: string; after?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — eduplan`;
  }, [title]);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
      <Text as="h1" variant="header-1" className="page-title">
        {children}
      </Text>
      {after}
    </div>
  );
}

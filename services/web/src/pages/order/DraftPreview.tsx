import { Button, Link, Text } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, ok } from '../../api/client';
import type { Order, OrderState } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/Feedback';

const PdfPreview = lazy(() => import('./PdfPreview'));

/**
 * The draft as it will be printed (with the «ПРОЕКТ» mark): rendered for the version under approval on request
 * (each rendering is stored) and drawn beside the decision form; «Открыть» gives the file itself.
 */
export function DraftPreview({ order, state }: { order: Order; state: OrderState }) {
  const render = useMutation({ mutationFn: () => ok(api.POST('/api/orders/{id}/draft-pdf', { params: { path: { id: order.id } } })) });
  const { mutate } = render;
  const title = `Проект приказа, версия ${state.version}`;
  return (
    <section className="panel" id="draft-preview" aria-labelledby="draft-title">
      <Text as="h2" variant="subheader-3" id="draft-title">
        {title}
      </Text>
      {render.isPending && <Loading text="Формирование PDF проекта…" />}
      {render.isError && <ErrorMessage error={render.error} />}
      {!render.data && (
        <Button view="outlined" onClick={() => mutate()} disabled={render.isPending}>
          Сформировать проект в PDF
        </Button>
      )}
      {render.data && (
        <>
          <p className="no-print">
            <Link href={`/api/documents/${render.data.id}/content`} target="_blank" id="draft-pdf-link">
              {`Открыть ${render.data.fileName}`}
            </Link>
          </p>
          <Suspense fallback={<Loading text="Загрузка просмотра PDF…" />}>
            <PdfPreview url={`/api/documents/${render.data.id}/content`} title={title} />
          </Suspense>
        </>
      )}
    </section>
  );
}

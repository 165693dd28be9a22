import { Button, Link, Text } from '@gravity-ui/uikit';
import { useMutation } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Order, OrderState } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/Feedback';

/** The draft as it will be printed (with the «ПРОЕКТ» mark), rendered on request for the version under approval. */
export function DraftPreview({ order, state }: { order: Order; state: OrderState }) {
  const render = useMutation({ mutationFn: () => ok(api.POST('/api/orders/{id}/draft-pdf', { params: { path: { id: order.id } } })) });
  return (
    <section className="panel" id="draft-preview" aria-labelledby="draft-title">
      <Text as="h2" variant="subheader-3" id="draft-title">{`Проект приказа, версия ${state.version}`}</Text>
      {render.isPending && <Loading text="Формирование PDF проекта…" />}
      {render.isError && <ErrorMessage error={render.error} />}
      {render.data ? (
        <p>
          <Link href={`/api/documents/${render.data.id}/content`} target="_blank" id="draft-pdf-link">
            {`Открыть ${render.data.fileName}`}
          </Link>
        </p>
      ) : (
        <Button view="outlined" onClick={() => render.mutate()} disabled={render.isPending}>
          Сформировать проект в PDF
        </Button>
      )}
    </section>
  );
}

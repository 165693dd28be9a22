import { Link, Table, Text } from '@gravity-ui/uikit';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import type { Order, OrderState, StoredDocument } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { formatDateTime, formatSize } from '../../format';
import { DOCUMENT_KIND_LABEL } from '../../i18n/labels';

/** The order's documents (order PDF, memos, the справка), newest first, each with a download link. */
export function DocumentsPanel({ order, state }: { order: Order; state: OrderState | null }) {
  // Asked again whenever the workflow may have stored something new.
  const version = JSON.stringify([state?.status, state?.orderDocumentId, state?.finalDocumentId, state?.periods.map((p) => p.memoDocumentId)]);
  const documents = useQuery({
    queryKey: ['order-documents', order.id, version],
    queryFn: () => ok(api.GET('/api/orders/{id}/documents', { params: { path: { id: order.id } } })),
  });
  const columns = [
    { id: 'kind', name: 'Документ', template: (d: StoredDocument) => DOCUMENT_KIND_LABEL[d.kind] },
    { id: 'version', name: 'Версия', template: (d: StoredDocument) => d.version },
    { id: 'signed', name: 'Подпись', template: (d: StoredDocument) => (d.signed ? <span className="ok">подписан ЭП</span> : 'без подписи') },
    { id: 'createdAt', name: 'Создан', template: (d: StoredDocument) => formatDateTime(d.createdAt) },
    {
      id: 'file',
      name: 'Файл',
      template: (d: StoredDocument) => (
        <>
          <Link href={`/api/documents/${d.id}/content`} download={d.fileName}>
            {`Скачать ${d.fileName}`}
          </Link>
          <div className="muted">{formatSize(d.size)}</div>
        </>
      ),
    },
  ];
  return (
    <section className="panel" id="documents" aria-labelledby="documents-title">
      <QueryView query={documents}>
        {(list) => (
          <>
            <Text as="h2" variant="subheader-3" id="documents-title">{`Документы (${list.length})`}</Text>
            {list.length === 0 ? (
              <p className="muted">Документов пока нет: подписанный приказ и справки появятся здесь.</p>
            ) : (
              <div className="table-scroll" id="documents-table">
                <Table width="max" wordWrap columns={columns} data={[...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))} getRowDescriptor={(d) => ({ id: d.id })} />
              </div>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

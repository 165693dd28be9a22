import { Text } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { OverdueOrganization } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { Pager } from '../../components/Pager';
import { formatDate, formatDays } from '../../format';

const PAGE_SIZE = 25;

/**
 * After a period's deadline: the organizations that have not reported and by how many days they are late, as the
 * reporting service counts them to the issuer's today, a page at a time (by name).
 */
export function PeriodOverdue({ orderId, periodId }: { orderId: string; periodId: string }) {
  const [page, setPage] = useState(1);
  const overdue = useQuery({
    queryKey: ['period-overdue', orderId, periodId, page],
    queryFn: () =>
      ok(api.GET('/api/orders/{id}/periods/{periodId}/overdue', { params: { path: { id: orderId, periodId: periodId }, query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const id = `period-overdue-${periodId}`;
  return (
    <div className="period-overdue" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h3" variant="subheader-2" id={`${id}-title`}>
        Просрочили отчёт
      </Text>
      <QueryView query={overdue} loading="Загрузка просроченных отчётов…">
        {(data) =>
          data.total === 0 ? (
            <p className="muted">{`Все организации отчитались в срок (до ${formatDate(data.deadline)}).`}</p>
          ) : (
            <>
              <p>{`Срок истёк ${formatDate(data.deadline)}: не отчитались ${data.total} из ${data.expected} организаций.`}</p>
              <table className="overdue">
                <thead>
                  <tr>
                    <th scope="col">Организация</th>
                    <th scope="col">Мероприятий к отчёту</th>
                    <th scope="col">Просрочка</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row: OverdueOrganization) => (
                    <tr key={row.organizationId} data-organization-id={row.organizationId}>
                      <td>{row.name ?? row.organizationId}</td>
                      <td>{row.dueEvents}</td>
                      <td className="field-error">{formatDays(row.daysLate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryView>
    </div>
  );
}

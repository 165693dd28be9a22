import { Button, Select, Text } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { PeriodReportRow, Plan } from '../../api/types';
import { QueryView } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { formatDateTime } from '../../format';
import { OpenedReport } from '../reports/ReportView';

const PAGE_SIZE = 25;
type Filter = 'all' | 'submitted' | 'missing';
const FILTERS: { value: Filter; content: string }[] = [
  { value: 'all', content: 'все организации' },
  { value: 'submitted', content: 'сдали отчёт' },
  { value: 'missing', content: 'не сдали' },
];

/**
 * Who reported in a period, a page at a time (a region has up to two thousand organizations): those still owing
 * first, then the latest reports; one opened shows what it says on each event.
 */
export function PeriodReports({ orderId, periodId, plan }: { orderId: string; periodId: string; plan: Plan | undefined }) {
  const [status, setStatus] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: ['period-reports', orderId, periodId, status, page],
    queryFn: () =>
      ok(api.GET('/api/orders/{id}/periods/{periodId}/reports', { params: { path: { id: orderId, periodId: periodId }, query: { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const events = new Map((plan?.sections ?? []).flatMap((s) => s.events).map((e) => [e.id, `${e.number ? `${e.number}. ` : ''}${e.title}`]));
  const id = `period-reports-${periodId}`;
  return (
    <div className="period-reports" id={id}>
      <Text as="h3" variant="subheader-2">
        Отчёты организаций
      </Text>
      <div className="filters">
        <Field label="Показать" id={`${id}-filter`}>
          <Select id={`${id}-filter`} value={[status]} options={FILTERS} onUpdate={([value]) => { setStatus((value ?? 'all') as Filter); setPage(1); }} />
        </Field>
      </div>
      <QueryView query={rows} loading="Загрузка отчётов периода…">
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p className="muted">Организаций с таким отбором нет.</p>
            ) : (
              <ul className="reports">
                {data.items.map((row: PeriodReportRow) => (
                  <li key={row.organizationId} className={row.reportId ? 'ok' : 'warning'} data-organization-id={row.organizationId}>
                    {`${row.name ?? row.organizationId}: `}
                    {row.reportId
                      ? `отчёт сдан ${formatDateTime(row.submittedAt!)}, проведено ${row.held} из ${row.dueEvents} `
                      : `отчёта нет (мероприятий: ${row.dueEvents})`}
                    {row.reportId && (
                      <Button view="outlined" size="s" aria-expanded={opened === row.reportId} onClick={() => setOpened(opened === row.reportId ? null : row.reportId)}>
                        {opened === row.reportId ? 'Скрыть отчёт' : 'Открыть отчёт'}
                      </Button>
                    )}
                    {row.reportId && opened === row.reportId && <OpenedReport reportId={row.reportId} name={(eventId) => events.get(eventId) ?? 'мероприятие плана'} />}
                  </li>
                ))}
              </ul>
            )}
            <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
          </>
        )}
      </QueryView>
    </div>
  );
}

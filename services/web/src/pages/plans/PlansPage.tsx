import { Button, Label, Table, TextInput } from '@gravity-ui/uikit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import type { PlanSummary } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { formatDateTime, formatInterval } from '../../format';
import { PLAN_STATUS_LABEL } from '../../i18n/labels';
import { IssuerSelect } from '../shared/IssuerSelect';

const PAGE_SIZE = 25;

/** Every plan, newest first, by issuer; the title filter narrows the page shown (the API has no text search for plans yet). */
export default function PlansPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { values, page, set, setPage } = useUrlState(['issuerId', 'q'] as const);
  const plans = useQuery({
    queryKey: ['plans', values.issuerId, page],
    queryFn: () => ok(api.GET('/api/plans', { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(values.issuerId ? { issuerId: values.issuerId } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const words = values.q.trim().toLocaleLowerCase('ru');
  const columns = [
    { id: 'title', name: 'План', template: (p: PlanSummary) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
    { id: 'period', name: 'Период', template: (p: PlanSummary) => formatInterval(p.period) },
    { id: 'status', name: 'Состояние', template: (p: PlanSummary) => <Label>{PLAN_STATUS_LABEL[p.status ?? 'draft']}</Label> },
    { id: 'size', name: 'Разделов / мероприятий', template: (p: PlanSummary) => `${p.sectionCount} / ${p.eventCount}` },
    { id: 'version', name: 'Версия', template: (p: PlanSummary) => p.version },
    { id: 'createdAt', name: 'Создан', template: (p: PlanSummary) => formatDateTime(p.createdAt) },
  ];
  return (
    <>
      <PageTitle title="Планы" after={hasRole(me, 'editor', 'admin') && <Button view="action" onClick={() => navigate('/plans/import')}>Импортировать план</Button>}>
        Планы мероприятий
      </PageTitle>
      <div className="filters" role="search">
        <IssuerSelect id="plans-issuer" value={values.issuerId} onChange={(issuerId) => set({ issuerId })} anyLabel="все издатели" />
        <Field label="Название содержит" id="plans-q">
          <TextInput id="plans-q" type="search" value={values.q} onUpdate={(q) => set({ q })} hasClear />
        </Field>
      </div>
      <div id="plans-table" className="table-scroll">
        <QueryView query={plans} loading="Загрузка списка планов…">
          {(data) =>
            data.total === 0 ? (
              <p className="muted">Планов пока нет: импортируйте документ плана.</p>
            ) : (
              <>
                <Table
                  width="max"
                  wordWrap
                  columns={columns}
                  data={data.items.filter((p) => !words || p.title.toLocaleLowerCase('ru').includes(words))}
                  getRowDescriptor={(p) => ({ id: p.id })}
                  emptyMessage="На этой странице нет планов с таким названием"
                />
                <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
              </>
            )
          }
        </QueryView>
      </div>
    </>
  );
}

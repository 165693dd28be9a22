import { Text } from '@gravity-ui/uikit';
import { Link } from 'react-router';
import type { Order, OwedPeriod, Tasks } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, today } from '../../format';
import { useMyWork } from './my-work';

type OrderListId = 'toDecide' | 'toSign' | 'toRegister' | 'toRevise';
type PeriodListId = 'toReport' | 'overdue';

/** The start page: what waits for me, counted by the server, and each item one click away. */
export default function TasksPage() {
  const me = useMe();
  const work = useMyWork();
  const analyst = hasRole(me, 'analyst');
  const counters: { id: string; list: OrderListId | PeriodListId; label: string; late?: boolean; show: boolean }[] = [
    { id: 'to-decide', list: 'toDecide', label: 'На согласование', show: hasRole(me, 'approver') },
    { id: 'to-sign', list: 'toSign', label: 'На подпись', show: hasRole(me, 'signatory') },
    { id: 'to-register', list: 'toRegister', label: 'На регистрацию', show: hasRole(me, 'registrar') },
    { id: 'to-revise', list: 'toRevise', label: 'На доработку', show: hasRole(me, 'editor') },
    { id: 'to-report', list: 'toReport', label: 'Отчёты к сдаче', show: hasRole(me, 'reporter') },
    { id: 'overdue', list: 'overdue', label: 'Просроченные', late: true, show: hasRole(me, 'reporter', 'analyst') },
  ];
  const shown = counters.filter((c) => c.show);
  return (
    <>
      <PageTitle title="Мои задачи">Мои задачи</PageTitle>
      {shown.length > 0 && (
        <div className="counters" id="task-counters">
          {shown.map((c) => {
            const count = work.data?.[c.list].count;
            return (
              <a key={c.id} className="counter" href={`#${c.id}`} id={`counter-${c.id}`} data-late={c.late && (count ?? 0) > 0 ? 'true' : undefined}>
                <strong>{count ?? '…'}</strong>
                {c.label}
              </a>
            );
          })}
        </div>
      )}
      <QueryView query={work} loading="Сбор задач…">
        {(tasks) => (
          <>
            {hasRole(me, 'approver') && <OrderList id="to-decide" title="Ждут моего решения" list={tasks.toDecide} />}
            {hasRole(me, 'signatory') && <OrderList id="to-sign" title="Ждут моей подписи" list={tasks.toSign} />}
            {hasRole(me, 'registrar') && <OrderList id="to-register" title="Подписаны, ждут регистрации" list={tasks.toRegister} />}
            {hasRole(me, 'editor') && <OrderList id="to-revise" title="Возвращены на доработку" list={tasks.toRevise} />}
            {hasRole(me, 'reporter') && <PeriodList id="to-report" title="Отчёты к сдаче" list={tasks.toReport} link={() => '/reports'} />}
            {hasRole(me, 'reporter', 'analyst') && (
              <PeriodList id="overdue" title="Просроченные отчёты" list={tasks.overdue} link={(d) => (analyst ? `/monitoring?orderId=${d.orderId}` : '/reports')} analyst={analyst} />
            )}
          </>
        )}
      </QueryView>
      {shown.length === 0 && <p className="muted">Для ваших ролей задач нет: пользуйтесь разделами вверху страницы.</p>}
    </>
  );
}

/** The list's first items; the rest is counted, since the server brings a bounded number. */
function More({ list }: { list: { count: number; items: unknown[] } }) {
  const rest = list.count - list.items.length;
  return rest > 0 ? <p className="muted">{`…и ещё ${rest}`}</p> : null;
}

function OrderList({ id, title, list }: { id: string; title: string; list: Tasks[OrderListId] }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>{`${title} (${list.count})`}</Text>
      {list.count === 0 ? (
        <p className="muted">Нет.</p>
      ) : (
        <ul>
          {list.items.map((o: Order) => (
            <li key={o.id}>
              <Link to={`/orders/${o.id}`}>{o.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <More list={list} />
    </section>
  );
}

function PeriodList({ id, title, list, link, analyst = false }: { id: string; title: string; list: Tasks[PeriodListId]; link: (d: OwedPeriod) => string; analyst?: boolean }) {
  const now = today();
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>{`${title} (${list.count})`}</Text>
      {list.count === 0 ? (
        <p className="muted">Нет.</p>
      ) : (
        <ul>
          {list.items.map((d) => (
            <li key={d.periodId}>
              <Link to={link(d)}>{`${d.quarter} квартал ${d.year} г. — ${d.planTitle ?? 'План без названия'}`}</Link>
              <span className={d.deadline < now ? 'field-error' : 'muted'}>{` · срок ${formatDate(d.deadline)}`}</span>
              {analyst && <span className="muted">{` · не отчитались: ${d.missing}`}</span>}
            </li>
          ))}
        </ul>
      )}
      <More list={list} />
    </section>
  );
}

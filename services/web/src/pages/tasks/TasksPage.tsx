import { Text } from '@gravity-ui/uikit';
import { Link } from 'react-router';
import type { Order } from '../../api/types';
import { hasRole, useMe } from '../../auth/use-me';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format';
import { useMyWork, type OwedPeriod } from './my-work';

/** The start page: what waits for me, counted, and each item one click away. */
export default function TasksPage() {
  const me = useMe();
  const work = useMyWork(me);
  const data = work.orders.data;
  const counters: { id: string; label: string; count: number | undefined; late?: boolean; show: boolean }[] = [
    { id: 'to-decide', label: 'На согласование', count: data?.toDecide.length, show: hasRole(me, 'approver') },
    { id: 'to-sign', label: 'На подпись', count: data?.toSign.length, show: hasRole(me, 'signatory') },
    { id: 'to-register', label: 'На регистрацию', count: data?.toRegister.length, show: hasRole(me, 'registrar') },
    { id: 'to-revise', label: 'На доработку', count: data?.toRevise.length, show: hasRole(me, 'editor') },
    { id: 'to-report', label: 'Отчёты к сдаче', count: work.toReport.length, show: hasRole(me, 'reporter') },
    { id: 'overdue', label: 'Просроченные', count: work.overdue.length, late: true, show: hasRole(me, 'reporter', 'analyst') },
  ];
  const shown = counters.filter((c) => c.show);
  return (
    <>
      <PageTitle title="Мои задачи">Мои задачи</PageTitle>
      {shown.length > 0 && (
        <div className="counters" id="task-counters">
          {shown.map((c) => (
            <a key={c.id} className="counter" href={`#${c.id}`} id={`counter-${c.id}`} data-late={c.late && (c.count ?? 0) > 0 ? 'true' : undefined}>
              <strong>{c.count ?? '…'}</strong>
              {c.label}
            </a>
          ))}
        </div>
      )}
      {work.orders.error ? <ErrorMessage error={work.orders.error} /> : null}
      {work.monitored.error ? <ErrorMessage error={work.monitored.error} /> : null}
      {work.due.error ? <ErrorMessage error={work.due.error} /> : null}
      {(work.orders.isLoading || work.monitored.isLoading || work.due.isLoading) && <Loading text="Сбор задач…" />}
      {data && hasRole(me, 'approver') && <OrderList id="to-decide" title="Ждут моего решения" orders={data.toDecide} />}
      {data && hasRole(me, 'signatory') && <OrderList id="to-sign" title="Ждут моей подписи" orders={data.toSign} />}
      {data && hasRole(me, 'registrar') && <OrderList id="to-register" title="Подписаны, ждут регистрации" orders={data.toRegister} />}
      {data && hasRole(me, 'editor') && <OrderList id="to-revise" title="Возвращены на доработку" orders={data.toRevise} />}
      {hasRole(me, 'reporter') && <PeriodList id="to-report" title="Отчёты к сдаче" due={work.toReport} link={() => '/reports'} />}
      {hasRole(me, 'reporter', 'analyst') && <PeriodList id="overdue" title="Просроченные отчёты" due={work.overdue} link={(d) => (hasRole(me, 'analyst') ? `/monitoring?orderId=${d.orderId}` : '/reports')} />}
      {shown.length === 0 && <p className="muted">Для ваших ролей задач нет: пользуйтесь разделами вверху страницы.</p>}
    </>
  );
}

function OrderList({ id, title, orders }: { id: string; title: string; orders: Order[] }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>{`${title} (${orders.length})`}</Text>
      {orders.length === 0 ? (
        <p className="muted">Нет.</p>
      ) : (
        <ul>
          {orders.map((o) => (
            <li key={o.id}>
              <Link to={`/orders/${o.id}`}>{o.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PeriodList({ id, title, due, link }: { id: string; title: string; due: OwedPeriod[]; link: (d: OwedPeriod) => string }) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <Text as="h2" variant="subheader-3" id={`${id}-title`}>{`${title} (${due.length})`}</Text>
      {due.length === 0 ? (
        <p className="muted">Нет.</p>
      ) : (
        <ul>
          {due.map((d) => (
            <li key={d.periodId}>
              <Link to={link(d)}>{`${d.quarter} квартал ${d.year} г. — ${d.title}`}</Link>
              <span className={d.overdue ? 'field-error' : 'muted'}>{` · срок ${formatDate(d.deadline)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

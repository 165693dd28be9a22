import { Button, Label } from '@gravity-ui/uikit';
import { Link } from 'react-router';
import type { Notification } from '../../api/types';
import { ErrorMessage, QueryView } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pager } from '../../components/Pager';
import { useUrlState } from '../../components/url-state';
import { formatDateTime } from '../../format';
import { NOTIFICATION_KIND_LABEL, unreadLabel } from './notification-labels';
import { useMarkRead, useNotifications } from './notification-queries';

const PAGE_SIZE = 20;

/** The signed-in person's notices, newest first: what happened, what to do, the page to do it on. */
export default function NotificationsPage() {
  const { page, setPage } = useUrlState([] as const);
  const notifications = useNotifications(page, PAGE_SIZE);
  const { one, all } = useMarkRead();
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <PageTitle
        title="Уведомления"
        after={
          <Button id="read-all" view="outlined" disabled={unread === 0} loading={all.isPending} onClick={() => all.mutate()}>
            Отметить все прочитанными
          </Button>
        }
      >
        Уведомления
      </PageTitle>
      {notifications.data && <p className="muted" id="unread-summary">{`У вас ${unreadLabel(unread)}.`}</p>}
      {one.error ? <ErrorMessage error={one.error} /> : null}
      {all.error ? <ErrorMessage error={all.error} /> : null}
      <QueryView query={notifications} loading="Загрузка уведомлений…">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">Уведомлений пока нет: здесь появятся приказы на согласование и подпись, возвраты на доработку и открытые отчётные периоды.</p>
          ) : (
            <>
              <ul className="notifications" aria-label="Уведомления">
                {data.items.map((notice) => (
                  <NotificationItem key={notice.id} notice={notice} onRead={() => one.mutate(notice.id)} reading={one.isPending && one.variables === notice.id} />
                ))}
              </ul>
              <Pager page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} onPage={setPage} />
            </>
          )
        }
      </QueryView>
    </>
  );
}

function NotificationItem({ notice, onRead, reading }: { notice: Notification; onRead: () => void; reading: boolean }) {
  const unread = notice.readAt === null;
  const titleId = `notification-${notice.id}-title`;
  return (
    <li className={unread ? 'notification unread' : 'notification'} data-notification-id={notice.id} aria-labelledby={titleId}>
      <div className="notification-head">
        <Label theme={unread ? 'info' : 'unknown'}>{NOTIFICATION_KIND_LABEL[notice.kind]}</Label>
        <strong id={titleId}>{notice.title}</strong>
        {unread && <span className="sr-only">(не прочитано)</span>}
        <span className="muted">{formatDateTime(notice.createdAt)}</span>
      </div>
      <p>{notice.text}</p>
      <div className="notification-actions">
        <Link to={notice.link} onClick={() => unread && onRead()}>
          {notice.link.startsWith('/orders/') ? 'Открыть приказ' : 'Перейти к отчётам'}
        </Link>
        {unread && (
          <Button view="flat-secondary" size="s" loading={reading} onClick={onRead} aria-describedby={titleId}>
            Отметить прочитанным
          </Button>
        )}
      </div>
    </li>
  );
}

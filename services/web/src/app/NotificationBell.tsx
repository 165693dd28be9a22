import { Bell } from '@gravity-ui/icons';
import { Icon } from '@gravity-ui/uikit';
import { Link } from 'react-router';
import { unreadLabel } from '../pages/notifications/notification-labels';
import { useUnreadCount } from '../pages/notifications/notification-queries';

/** The bell in the header: how many notices are unread, and the way to them. */
export function NotificationBell() {
  const unread = useUnreadCount() ?? 0;
  return (
    <Link to="/notifications" className="notification-bell" id="notification-bell" aria-label={`Уведомления: ${unreadLabel(unread)}`} title="Уведомления">
      <Icon data={Bell} size={20} />
      {unread > 0 && (
        <span className="notification-count" id="notification-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

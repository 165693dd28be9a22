/**
 * What the browser remembers between visits: the stand-in user id (there is no login yet) and the plans
 * and orders opened lately (the API has no lists of them).
 */
const USER_KEY = 'eduplan.userId';
const RECENT_KEY = 'eduplan.recent';
const RECENT_LIMIT = 8;

export interface RecentItem {
  kind: 'plan' | 'order';
  id: string;
  title: string;
}

export const currentUserId = (): string => localStorage.getItem(USER_KEY) ?? '';

export const setCurrentUserId = (userId: string): void => localStorage.setItem(USER_KEY, userId.trim());

export function recentItems(kind: RecentItem['kind']): RecentItem[] {
  try {
    const items = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as RecentItem[];
    return items.filter((item) => item.kind === kind);
  } catch {
    return [];
  }
}

export function rememberRecent(item: RecentItem): void {
  const others = [...recentItems('plan'), ...recentItems('order')].filter((i) => i.id !== item.id);
  localStorage.setItem(RECENT_KEY, JSON.stringify([item, ...others].slice(0, RECENT_LIMIT * 2)));
}

/** The user id the API needs for decisions and signing; refuses early when the field at the top is empty. */
export function requireUserId(): string {
  const userId = currentUserId();
  if (!userId) throw new Error('Укажите пользователя в поле «Пользователь» вверху страницы');
  return userId;
}

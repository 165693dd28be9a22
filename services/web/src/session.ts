/** What the browser remembers between visits: the stand-in user id (there is no login yet). */
const USER_KEY = 'eduplan.userId';

export const currentUserId = (): string => localStorage.getItem(USER_KEY) ?? '';

export const setCurrentUserId = (userId: string): void => localStorage.setItem(USER_KEY, userId.trim());

/** The user id the API needs for decisions and signing; refuses early when the field at the top is empty. */
export function requireUserId(): string {
  const userId = currentUserId();
  if (!userId) throw new Error('Укажите пользователя в поле «Пользователь» вверху страницы');
  return userId;
}

import { h } from './dom';
import { currentUserId, setCurrentUserId } from './session';

/** Stand-in for a login: the user id the page sends where the API needs one. */
export function userField(): HTMLElement {
  const input = h('input', { id: 'user-id', name: 'userId', value: currentUserId(), placeholder: 'например, ivanov', autocomplete: 'username' });
  input.addEventListener('input', () => {
    setCurrentUserId(input.value);
    document.querySelectorAll('.acting-user').forEach((name) => (name.textContent = currentUserId() || 'не указан'));
  });
  return h(
    'label',
    { class: 'user-field' },
    h('span', {}, 'Пользователь'),
    input,
    h('small', {}, 'Временно, пока нет входа в систему: этот идентификатор (userId) уходит в API как автор решений и подписи.'),
  );
}

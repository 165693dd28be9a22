import type { Person } from '../../api/types';
import { POSITION_LABEL } from '../../i18n/labels';

/** «Калинина Ольга Евгеньевна» → «О.Е. Калинина», as a signature block and an approval sheet print a name. */
export function initialsAndSurname(fullName: string): string {
  const [surname, ...given] = fullName.trim().split(/\s+/);
  if (given.length === 0 || fullName.includes('.')) return fullName.trim();
  return `${given.map((name) => `${name[0]}.`).join('')} ${surname}`;
}

export const positionOf = (person: Person): string => person.positionTitle ?? POSITION_LABEL[person.position];

/**
 * An approver or the signatory as the order contract takes them today: chosen from the registry, named by the
 * person's registry id (issue 8 item 6 replaces `userId` with `personId`; the screens already choose people).
 */
export const routeParticipant = (person: Person) => ({ userId: person.id, name: initialsAndSurname(person.fullName), position: positionOf(person) });

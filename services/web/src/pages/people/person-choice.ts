import type { Person } from '../../api/types';
import { POSITION_LABEL, signatureName } from '../../i18n/labels';

export const positionOf = (person: Person): string => person.positionTitle ?? POSITION_LABEL[person.position];

/**
 * An approver as the approval route takes them (branch authz): the registry person, with the name and position
 * the approval sheet prints, copied when chosen — as the gateway copies an order's signatory.
 */
export const routeParticipant = (person: Person) => ({ personId: person.id, name: signatureName(person.fullName), position: positionOf(person) });

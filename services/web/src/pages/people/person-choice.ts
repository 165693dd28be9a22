import type { Person } from '../../api/types';
import { POSITION_LABEL } from '../../i18n/labels';

export const positionOf = (person: Person): string => person.positionTitle ?? POSITION_LABEL[person.position];

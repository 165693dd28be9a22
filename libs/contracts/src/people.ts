import { z } from 'zod';
import { ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { isoDate, nonEmpty, uuid } from './common';
import { POSITION_NAMES, POSITIONS, signatureName, type Position } from './people-names';
import type { Person } from './plans';

export * from './people-names';

const optionalText = (max: number) => z.string().trim().max(max, `не длиннее ${max} символов`).nullish();

const personFields = {
  /** «Фамилия Имя Отчество», as signatures and approval sheets print it. */
  fullName: nonEmpty(300),
  position: z.enum(POSITIONS),
  /** The exact title: «начальник отдела общего образования». */
  positionTitle: optionalText(300),
  email: z.string().trim().email('адрес электронной почты').max(320).nullish(),
  phone: optionalText(50),
};

export const createPersonRequest = z.object({ organizationId: uuid, ...personFields });

/** Only the fields given change; `active: false` when a person leaves (kept: decisions and signatures name them). */
export const updatePersonRequest = z.object({
  id: uuid,
  changes: z
    .object({ ...personFields, organizationId: uuid, active: z.boolean() })
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'не указано, что изменить'),
});

export const listPeopleRequest = z.object({
  organizationId: uuid,
  position: z.enum(POSITIONS).optional(),
  status: z.enum(['active', 'all']).default('active'),
});

export interface PersonDto {
  id: string;
  organizationId: string;
  fullName: string;
  position: Position;
  positionTitle: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
}

/**
 * A person as an order or an approval route names them: the name as signatures print it and the exact position
 * title, copied now so that a later rename does not rewrite a signed act.
 */
export function personSnapshotOf(person: PersonDto): Person {
  return { personId: person.id, name: signatureName(person.fullName), position: person.positionTitle ?? POSITION_NAMES[person.position] };
}

/** A substitution as the person's page states it; the absent person is the page's. */
export const substitutionFields = z.object({
  /** Who acts for them while they are. */
  substituteId: uuid,
  /** First and last day of the absence, inclusive, in the organization's own calendar. */
  from: isoDate,
  to: isoDate,
  reason: optionalText(300),
});

export const createSubstitutionRequest = substitutionFields
  .extend({ /** Who is absent. */ personId: uuid })
  .refine((s) => s.from <= s.to, { message: 'дата окончания замещения раньше даты начала', path: ['to'] })
  .refine((s) => s.personId !== s.substituteId, { message: 'сотрудник не может замещать сам себя', path: ['substituteId'] });

export interface SubstitutionDto {
  id: string;
  personId: string;
  substituteId: string;
  from: string;
  to: string;
  reason: string | null;
  cancelled: boolean;
}

export const listSubstitutionsRequest = z.object({ personId: uuid });

export const personOnDateRequest = z.object({ personId: uuid, date: isoDate });

export const mayActForRequest = z.object({
  /** Who wants to act (approve, sign). */
  actorPersonId: uuid,
  /** Whom the stage or signature is assigned to. */
  personId: uuid,
  date: isoDate,
});

/** Who acts for a person on a date: the substitute while a substitution covers it, else the person. */
export interface ActingPersonDto {
  personId: string;
  actingPersonId: string;
  /** The substitution that makes `actingPersonId` act; null when the person acts themselves. */
  substitution: SubstitutionDto | null;
}

/** Whether the actor may act for the person on the date, and as whom: the record of a decision keeps `substitution`. */
export interface MayActDto {
  allowed: boolean;
  as: 'self' | 'substitute' | null;
  substitution: SubstitutionDto | null;
}

/**
 * Staff and substitutions. Changes are the administrator's; the staff lists are open to everyone signed in, as a
 * ministry's directory is. Who acts for whom (`get`, `actingFor`, `representedBy`, `mayActFor`) stays a service
 * route: approval and signing ask it while deciding for someone else's request.
 */
export const PeopleRoutes = {
  create: actedRoute<typeof createPersonRequest, PersonDto>('organizations.people.create', createPersonRequest, ['admin']),
  update: actedRoute<typeof updatePersonRequest, PersonDto>('organizations.people.update', updatePersonRequest, ['admin']),
  get: route<z.ZodObject<{ id: typeof uuid }>, PersonDto>('organizations.people.get', z.object({ id: uuid })),
  /** Staff of an organization by position and name; with `position`, who holds it (for routes and signatories). */
  list: actedRoute<typeof listPeopleRequest, PersonDto[]>('organizations.people.list', listPeopleRequest, ROLES),
  createSubstitution: actedRoute<typeof createSubstitutionRequest, SubstitutionDto>('organizations.substitutions.create', createSubstitutionRequest, ['admin']),
  cancelSubstitution: actedRoute<z.ZodObject<{ id: typeof uuid }>, SubstitutionDto>('organizations.substitutions.cancel', z.object({ id: uuid }), ['admin']),
  /** Where the person is absent (`personId`) or substitutes (`substituteId`), earliest first. */
  listSubstitutions: actedRoute<typeof listSubstitutionsRequest, SubstitutionDto[]>('organizations.substitutions.list', listSubstitutionsRequest, ROLES),
  actingFor: route<typeof personOnDateRequest, ActingPersonDto>('organizations.people.acting-for', personOnDateRequest),
  /** The people the given person acts for on the date as a substitute (whose stages they may decide). */
  representedBy: route<typeof personOnDateRequest, PersonDto[]>('organizations.people.represented-by', personOnDateRequest),
  mayActFor: route<typeof mayActForRequest, MayActDto>('organizations.people.may-act-for', mayActForRequest),
};

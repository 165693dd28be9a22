import { z } from 'zod';
import { route } from './bus/route';
import { byId, ianaTimeZone, nonEmpty, uuid } from './common';

export const ORGANIZATION_KINDS = ['ministry', 'center', 'institution'] as const;
export const CENTER_TYPES = ['tochka_rosta', 'kvantorium', 'it_cube'] as const;

export const createOrganizationRequest = z.object({
  name: nonEmpty(500),
  shortName: z.string().trim().max(200).nullish(),
  kind: z.enum(ORGANIZATION_KINDS),
  centerType: z.enum(CENTER_TYPES).nullish(),
  parentId: uuid.nullish(),
  /** IANA zone that decides «today» for this issuer. */
  timeZone: ianaTimeZone.default('Europe/Moscow'),
});

export interface OrganizationDto {
  id: string;
  name: string;
  shortName: string | null;
  kind: (typeof ORGANIZATION_KINDS)[number];
  centerType: (typeof CENTER_TYPES)[number] | null;
  parentId: string | null;
  timeZone: string;
  createdAt: string;
}

export const OrganizationRoutes = {
  create: route<typeof createOrganizationRequest, OrganizationDto>('organizations.create', createOrganizationRequest),
  get: route<typeof byId, OrganizationDto>('organizations.get', byId),
  list: route<z.ZodObject<{}>, OrganizationDto[]>('organizations.list', z.object({})),
};

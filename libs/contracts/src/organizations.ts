import { z } from 'zod';
import { ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { byId, ianaTimeZone, nonEmpty, pageRequest, uuid, type Page } from './common';
import { CENTER_TYPES, ORGANIZATION_KINDS, type CenterType, type OrganizationKind } from './organization-names';
import { isValidInn, isValidOgrn } from './organizations/tax-ids';

export * from './organization-names';
export { isValidInn, isValidOgrn } from './organizations/tax-ids';

const optionalText = (max: number) => z.string().trim().max(max, `не длиннее ${max} символов`).nullish();

/** Empty text means «not given», as a cleared form field or an empty spreadsheet cell does. */
const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const inn = z.preprocess(
  blankAsNull,
  z
    .string()
    .trim()
    .refine(isValidInn, (value) => ({ message: `ИНН «${value}» неверен: 10 цифр для организации (12 для ИП) с верной контрольной цифрой` }))
    .nullish(),
);

export const ogrn = z.preprocess(
  blankAsNull,
  z
    .string()
    .trim()
    .refine(isValidOgrn, (value) => ({ message: `ОГРН «${value}» неверен: 13 цифр (15 для ОГРНИП) с верной контрольной цифрой` }))
    .nullish(),
);

/** Fields an organization has whether it is created or edited. */
const organizationFields = {
  /** Full name, as in its charter. */
  name: nonEmpty(500),
  shortName: optionalText(200),
  kind: z.enum(ORGANIZATION_KINDS),
  /** Required for a center, refused for anything else. */
  centerType: z.enum(CENTER_TYPES).nullish(),
  /** Taken from the municipality or the parent when not given. */
  regionId: uuid.nullish(),
  municipalityId: uuid.nullish(),
  parentId: uuid.nullish(),
  /** The ministry (issuer) a center or school answers to: whose plans it carries out and reports on. */
  issuerId: uuid.nullish(),
  inn,
  ogrn,
  address: optionalText(1000),
};

export const createOrganizationRequest = z.object({
  ...organizationFields,
  /** IANA zone that decides «today» for this issuer. */
  timeZone: ianaTimeZone.default('Europe/Moscow'),
});

/** Only the fields given change; `null` clears an optional one. `active: false` deactivates (nothing is deleted). */
export const updateOrganizationRequest = z.object({
  id: uuid,
  changes: z
    .object({ ...organizationFields, timeZone: ianaTimeZone, active: z.boolean() })
    .partial()
    .refine((changes) => Object.keys(changes).length > 0, 'не указано, что изменить'),
});

export const searchOrganizationsRequest = pageRequest.extend({
  /** Part of the full or short name, any case; close spellings rank first. */
  query: z.string().trim().max(200).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
  centerType: z.enum(CENTER_TYPES).optional(),
  regionId: uuid.optional(),
  municipalityId: uuid.optional(),
  parentId: uuid.optional(),
  issuerId: uuid.optional(),
  /** `active` (default) lists working organizations only; `all` includes deactivated ones. */
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});

export interface OrganizationDto {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  centerType: CenterType | null;
  regionId: string | null;
  municipalityId: string | null;
  parentId: string | null;
  issuerId: string | null;
  inn: string | null;
  ogrn: string | null;
  address: string | null;
  timeZone: string;
  active: boolean;
  createdAt: string;
}

export const listOrganizationsRequest = z.object({ ids: z.array(uuid).max(5000, 'не больше 5000 организаций за раз').optional() });

export const createRegionRequest = z.object({
  name: nonEmpty(200),
  /** Code of the subject of the Russian Federation («43» Кировская область). */
  code: z.preprocess(blankAsNull, z.string().trim().regex(/^\d{2,3}$/, 'код субъекта РФ: 2–3 цифры').nullish()),
});

export interface RegionDto {
  id: string;
  name: string;
  code: string | null;
}

export const createMunicipalityRequest = z.object({ regionId: uuid, name: nonEmpty(300) });
export const listMunicipalitiesRequest = z.object({ regionId: uuid });

export interface MunicipalityDto {
  id: string;
  regionId: string;
  name: string;
}

/**
 * The registry. Writes are the administrator's; reads are open to everyone signed in (a center's reporter needs
 * the ministry it answers to as much as staff need the centers). `get` and `list` stay service routes: the
 * workflow, the public verification page and the gateway's own look-ups name issuers without a person.
 */
export const OrganizationRoutes = {
  create: actedRoute<typeof createOrganizationRequest, OrganizationDto>('organizations.create', createOrganizationRequest, ['admin']),
  update: actedRoute<typeof updateOrganizationRequest, OrganizationDto>('organizations.update', updateOrganizationRequest, ['admin']),
  get: route<typeof byId, OrganizationDto>('organizations.get', byId),
  /**
   * Organizations by name, active or not: those of `ids`, or every one. A region's registry of thousands does not
   * fit one bus reply, so callers that know whom they need (a memo's reporting organizations) pass `ids`.
   */
  list: route<typeof listOrganizationsRequest, OrganizationDto[]>('organizations.list', listOrganizationsRequest),
  search: actedRoute<typeof searchOrganizationsRequest, Page<OrganizationDto>>('organizations.search', searchOrganizationsRequest, ROLES),
  createRegion: actedRoute<typeof createRegionRequest, RegionDto>('organizations.regions.create', createRegionRequest, ['admin']),
  listRegions: actedRoute<z.ZodObject<{}>, RegionDto[]>('organizations.regions.list', z.object({}), ROLES),
  createMunicipality: actedRoute<typeof createMunicipalityRequest, MunicipalityDto>('organizations.municipalities.create', createMunicipalityRequest, ['admin']),
  listMunicipalities: actedRoute<typeof listMunicipalitiesRequest, MunicipalityDto[]>('organizations.municipalities.list', listMunicipalitiesRequest, ROLES),
};

import { z } from 'zod';
import type { GroupReference, MatchCandidate, MatchMethod } from '@eduplan/domain';
import { MINISTRY_ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { strictRequest } from './bus/strict-request';
import { byId, isoDate, nonEmpty, uuid } from './common';

/** One «Ответственные» string of a plan: as the document has it and with its abbreviations expanded. */
export const responsibleString = z.object({ raw: z.string().max(1000), name: nonEmpty(1000) });

/**
 * A group as the matcher produced it. The kind and type values are the registry's (domain
 * `ORGANIZATION_KIND_VALUES`, `CENTER_TYPE_VALUES`); the organizations service checks them. They are not
 * imported here at run time: workflows load the contracts, and they must not pull the plan import in.
 */
const registryCode = z.string().regex(/^[a-z_]{1,40}$/, 'код вида или типа организации');
export const groupReference = z.object({
  kinds: z.array(registryCode).min(1).max(10),
  centerTypes: z.array(registryCode).max(10),
});

export const resolveResponsibleRequest = z.object({
  issuerId: uuid,
  /** Group members are counted as of this day (default: today in UTC). */
  date: isoDate.nullish(),
  strings: z.array(responsibleString).max(5000),
});

/** How one string was linked; `not_reporting`: a person said this party does not report (Минпросвещения). */
export type ResponsibleLinkDto =
  | { status: 'resolved'; method: Exclude<MatchMethod, 'group'>; organizationIds: string[]; confidence: number; group?: null }
  | {
      status: 'resolved';
      method: 'group';
      group: GroupReference;
      /** The members on the day resolved; plans keep only the group and `memberCount`, not the list. */
      organizationIds: string[];
      memberCount?: number;
      confidence: number;
    }
  | { status: 'review'; reason: string; candidates: MatchCandidate[]; external: boolean }
  | { status: 'not_reporting' };

export interface ResolvedResponsibleDto {
  raw: string;
  name: string;
  link: ResponsibleLinkDto;
}

/** A person's answer for one string of a plan, as the plan page sends it: organizations, or «не отчитывается». */
const confirmAnswer = z.object({
  text: nonEmpty(1000),
  organizationIds: z.array(uuid).max(100).default([]),
  /** «не отчитывается»: an outside party; its events are owed by nobody in the region. */
  notReporting: z.boolean().default(false),
});
const oneOfTheTwo = [
  (r: { notReporting: boolean; organizationIds: string[] }) => r.notReporting !== r.organizationIds.length > 0,
  'укажите организации (organizationIds) или отметку «не отчитывается» (notReporting), но не то и другое',
] as const;

/** The plan page's answer (`POST /api/plans/:id/responsible/confirm`); the plan names the issuer. */
export const confirmPlanResponsibleBody = strictRequest(confirmAnswer).refine(...oneOfTheTwo);

export const confirmResponsibleRequest = confirmAnswer
  .extend({ issuerId: uuid, source: z.enum(['person', 'glossary', 'inline']).default('person') })
  .refine(...oneOfTheTwo);

export interface ResponsibleAliasDto {
  issuerId: string;
  text: string;
  organizationIds: string[];
  notReporting: boolean;
  source: 'person' | 'glossary' | 'inline';
}

export const groupMembersRequest = z.object({ issuerId: uuid, date: isoDate, groups: z.array(groupReference).min(1).max(50) });

export const ResponsibleRoutes = {
  /** Links a batch of strings for an issuer: per string the organizations and how, or the review candidates. */
  resolve: route<typeof resolveResponsibleRequest, ResolvedResponsibleDto[]>('organizations.responsible.resolve', resolveResponsibleRequest),
  /**
   * Remembers a person's match (or «не отчитывается») for the issuer's region: the plan editor's answer on the
   * plan page, or the abbreviations a plan they import defines. The service records who, for the audit log.
   */
  confirm: actedRoute<typeof confirmResponsibleRequest, ResponsibleAliasDto>('organizations.responsible.confirm', confirmResponsibleRequest, ['editor']),
  /** Each group's members on a day, in the order asked: what a reporting period opening that day expects. */
  groupMembers: route<typeof groupMembersRequest, string[][]>('organizations.responsible.group-members', groupMembersRequest),
};

const candidate = z.object({ organizationId: uuid, name: z.string().max(1000), score: z.number().min(0).max(1) });
/** A link as the organizations service returned it, stored by plans as is. */
export const responsibleLink = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('resolved'),
    method: z.enum(['alias', 'exact', 'normalized', 'issuer_unit', 'group', 'fuzzy']),
    organizationIds: z.array(uuid).max(20_000),
    confidence: z.number().min(0).max(1),
    group: groupReference.nullish(),
    memberCount: z.number().int().min(0).nullish(),
  }),
  z.object({ status: z.literal('review'), reason: z.string().max(1000), candidates: z.array(candidate).max(20), external: z.boolean() }),
  z.object({ status: z.literal('not_reporting') }),
]);

/** Why a plan's links are stored again: what the plans service's audit log records. */
export const PLAN_LINK_CAUSES = ['import', 'edit', 'relink', 'confirm'] as const;

export const storePlanLinksRequest = z.object({
  planId: uuid,
  cause: z.enum(PLAN_LINK_CAUSES),
  /** With `cause: 'confirm'`: the person's answer that made the links change. */
  answer: confirmAnswer.nullish(),
  links: z.array(responsibleString.extend({ link: responsibleLink })).max(5000),
});

export interface PlanEventResponsibleDto {
  eventId: string;
  number: string | null;
  title: string;
  responsible: { raw: string; name: string; link: ResponsibleLinkDto | null }[];
}

export interface PlanResponsibleDto {
  planId: string;
  issuerId: string;
  /** Whether the plan's strings were ever linked (imported plans are; a plan typed in by hand may not be). */
  linked: boolean;
  events: PlanEventResponsibleDto[];
  /** Strings that keep an order from approval: not resolved and not marked «не отчитывается». */
  unresolved: { raw: string; name: string; events: string[] }[];
}

export const PlanResponsibleRoutes = {
  /** Replaces the stored links of a plan's strings (the gateway sends what organizations resolved). */
  store: actedRoute<typeof storePlanLinksRequest, PlanResponsibleDto>('plans.responsible.store', storePlanLinksRequest, ['editor']),
  /** Per event, what each responsible string links to, and the strings still unresolved. */
  get: actedRoute<typeof byId, PlanResponsibleDto>('plans.responsible.get', byId, MINISTRY_ROLES),
  /** The same for the order workflow's steps, which decide who owes each event when a period opens. */
  getForService: route<typeof byId, PlanResponsibleDto>('plans.responsible.get-for-service', byId),
};

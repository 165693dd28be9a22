/** Kinds and center types as the organization registry stores them (organizations.organizations). */
export const ORGANIZATION_KIND_VALUES = ['issuer', 'institute', 'coordinator', 'school', 'center', 'other'] as const;
export type OrganizationKindValue = (typeof ORGANIZATION_KIND_VALUES)[number];

export const CENTER_TYPE_VALUES = ['tochka_rosta', 'kvantorium', 'kvantorium_school', 'kvantorium_mobile', 'it_cube', 'cdod', 'infiniti'] as const;
export type CenterTypeValue = (typeof CENTER_TYPE_VALUES)[number];

/** What the matcher needs of one organization. */
export interface MatchableOrganization {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKindValue;
  centerType: CenterTypeValue | null;
  /** The issuer the organization answers to (the issuer itself for an issuer); null when not known. */
  issuerId: string | null;
  active: boolean;
  /** YYYY-MM-DD from which the organization exists (and owes reports). */
  since: string;
}

/**
 * «Центры «Точка роста», «IT-куб»», «образовательные организации»: every active organization of these kinds or
 * center types under the plan's issuer, counted when a reporting period opens — not a list frozen at import.
 */
export interface GroupReference {
  kinds: OrganizationKindValue[];
  centerTypes: CenterTypeValue[];
}

export type MatchMethod = 'alias' | 'exact' | 'normalized' | 'issuer_unit' | 'group' | 'fuzzy';

export interface MatchCandidate {
  organizationId: string;
  name: string;
  /** 0…1. */
  score: number;
}

export type ResponsibleMatch =
  | { status: 'resolved'; method: Exclude<MatchMethod, 'group'>; organizationIds: string[]; confidence: number }
  | { status: 'resolved'; method: 'group'; group: GroupReference; organizationIds: string[]; confidence: number }
  | {
      status: 'review';
      /** Why a person must look, in Russian. */
      reason: string;
      candidates: MatchCandidate[];
      /** An outside body (Минпросвещения, another ministry): likely «не отчитывается». */
      external: boolean;
    };

export * from './schedule/schedule.types';
export * from './import/imported-plan.types';
export * from './schedule';
export * from './dates';
export * from './time-zones/zoned-day';
export * from './import/import-plan';
export * from './import/plan-import-error';
export * from './import/import-limits';
export { importPlanFileIsolated } from './import/import-plan-isolated';
export { buildDeadline } from './import/build-deadline';
export { directionCode } from './import/direction-codes';
export {
  decodePlanBytes,
  planTooLargeError,
  DEFAULT_MAX_PLAN_BYTES,
  type DecodeOptions,
  type DecodedPlanText,
} from './import/decode-plan-bytes';
export * from './audience';
export * from './indicators';
export { defaultOrderPoints, lowerFirst, type OrderKind } from './orders/order-text';
export { readOrganizationSheetIsolated } from './organization-import/read-organization-sheet-isolated';
export { readOrganizationSheet, type OrganizationSheet } from './organization-import/read-organization-sheet';
export { OrganizationSheetError } from './organization-import/organization-sheet-error';
export { ORGANIZATION_IMPORT_LIMITS, type OrganizationImportLimits } from './organization-import/organization-import-limits';
export { ORGANIZATION_SHEET_HEADERS, type OrganizationSheetRow } from './organization-import/organization-sheet-columns';
export * from './responsible/responsible.types';
export { organizationKey, foldOrganizationText } from './responsible/normalize-organization-name';
export { classifyResponsible, type ResponsibleClass } from './responsible/classify-responsible';
export { OrganizationIndex } from './responsible/organization-index';
export { groupMembers } from './responsible/group-members';
export { matchResponsible, matchResponsibleBatch, FUZZY_ACCEPT, FUZZY_MARGIN, CANDIDATE_FLOOR, type MatchContext, type ResponsibleString } from './responsible/match-responsible';
export { inlineAliases, type LinkedString } from './responsible/inline-aliases';

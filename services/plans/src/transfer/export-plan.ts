import { importedPlanOf, type PlanSnapshot } from '@eduplan/contracts';
import type { ImportedDocument, ImportedPlanFile } from '@eduplan/domain';

const NO_DOCUMENT: ImportedDocument = { kind: null, issuer: null, date: null, number: null, place: null, title: null, signatory: null };

/**
 * The plan in the import JSON shape, so that importing the export gives the same plan. The order around it
 * is the one the plan was imported with; warnings concern a source file and are not kept.
 */
export function exportPlan(plan: PlanSnapshot, document: ImportedDocument | null): ImportedPlanFile {
  return { document: document ?? NO_DOCUMENT, plan: importedPlanOf(plan), warnings: [] };
}

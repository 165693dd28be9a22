export { renderOrderPdf, PdfInputError } from './order-pdf';
export type { OrderPdfInput, OrderPdfOptions, OrderText, Registration } from './order-pdf';
export type { SignatureStamp, Signatory } from './signature-block';
export { renderApprovalSheetPdf } from './approval-sheet';
export type { ApprovalSheet, ApprovalStage, ApprovalDecision, ApprovalPerson, ApprovalResult } from './approval-sheet';
export type { RenderOptions } from './pdf-printer';
export { MissingFontsError, DEFAULT_FONTS_DIRS, locateSerifFonts } from './fonts';
export { renderMonitoringMemoPdf } from './monitoring-memo';
export { memoTitle, type MemoPeriod } from './memo-title';
export type {
  MonitoringFigures,
  ExecutionCounts,
  SectionFigures,
  OrganizationFigures,
  IndicatorFigures,
  NotHeldEvent,
} from './monitoring-memo';

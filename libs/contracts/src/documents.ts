import { z } from 'zod';
import { actorSchema, MINISTRY_ROLES } from './actor';
import { actedRoute, route } from './bus/route';
import { byId, isoDate, uuid } from './common';
import { MAX_REMARKS } from './orders/order-workflow';
import type { OrganizationDto } from './organizations';
import { importedPlanOf, personSnapshot as personInput, type OrderDto, type PlanSnapshot } from './plans';

export const DOCUMENT_KINDS = ['order', 'approval_sheet', 'quarterly_memo', 'monitoring_memo'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const interval = z.object({ start: isoDate, end: isoDate });

/** The plan as the renderer needs it: the shape of the import JSON (`ImportedPlanFile`). */
export const renderablePlan = z.object({
  title: z.string().nullable(),
  period: interval,
  sections: z.array(
    z.object({
      number: z.string().nullable(),
      title: z.string(),
      directionCode: z.number().int().nullable(),
      events: z.array(
        z.object({
          number: z.string().nullable(),
          title: z.string(),
          content: z.string().nullable(),
          audience: z.string().nullable(),
          expectedResult: z.string().nullable(),
          deadline: z.object({
            raw: z.string(),
            kind: z.string(),
            intervals: z.array(interval),
            recurrence: z.string().nullable(),
            warnings: z.array(z.string()),
          }),
          responsible: z.array(z.object({ raw: z.string(), name: z.string() })),
        }),
      ),
    }),
  ),
});

export const renderableOrder = z.object({
  kind: z.enum(['prikaz', 'rasporyazhenie']).nullable(),
  issuer: z.string().nullable(),
  date: isoDate.nullable(),
  number: z.string().nullable(),
  place: z.string().nullable(),
  title: z.string().nullable(),
  basis: z.string().nullish(),
  points: z.array(z.string()).optional(),
  signatory: z.object({ position: z.string(), name: z.string() }).nullable(),
});

const approvalPerson = z.object({ name: z.string().min(1), position: z.string() });

/** The лист согласования in the renderer's `ApprovalSheet` shape. */
export const approvalSheetInput = z.object({
  documentTitle: z.string().min(1),
  documentDescription: z.string().nullable(),
  timeZone: z.string().min(1),
  stages: z.array(
    z.object({
      name: z.string(),
      decisions: z.array(
        z.object({
          approver: approvalPerson,
          actingFor: approvalPerson.nullable(),
          decidedAt: z.string().datetime({ offset: true }).nullable(),
          result: z.enum(['approved', 'approved_with_remarks', 'returned']).nullable(),
          remarks: z.string().nullable(),
          rowRemarks: z.array(z.object({ row: z.string().nullable(), text: z.string() })).max(MAX_REMARKS).optional(),
          version: z.number().int().min(1),
        }),
      ),
    }),
  ),
});
export type ApprovalSheetInput = z.infer<typeof approvalSheetInput>;

const orderRendering = {
  orderId: uuid,
  /** The organization issuing the order: its staff read the document until it is published (signed). */
  issuerId: uuid,
  document: renderableOrder,
  plan: renderablePlan,
  /** Appended as the last page (a draft sent for approval). */
  approvalSheet: approvalSheetInput.nullish(),
};

/** The order rendered by the workflow: a draft, or signed with the signatory's registered certificate. */
export const renderOrderRequest = z.object({
  ...orderRendering,
  draft: z.boolean(),
  /** Who signs: the documents service signs with this person's certificate. */
  signer: personInput.nullish(),
  /** The account that gave the signature (the signatory, signed in), for the audit log. */
  signedBy: actorSchema.pick({ accountId: true, login: true }).nullish(),
  createdBy: z.string().min(1),
});

/** A person's request for the draft («ПРОЕКТ») of their issuer's order: never signed. */
export const renderDraftRequest = z.object(orderRendering);

export const previewApprovalSheetRequest = z.object({ sheet: approvalSheetInput });

/** A file rendered on request and not stored: what a read (GET) answers, so reading never adds a row. */
export interface RenderedFileDto {
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  base64: string;
}

/** The order and its plan in the shape the renderer reads (the import JSON). */
export function toRenderableOrder(
  order: OrderDto,
  plan: PlanSnapshot,
  issuer: OrganizationDto,
): Pick<z.input<typeof renderOrderRequest>, 'document' | 'plan'> {
  return {
    document: {
      kind: order.kind,
      issuer: issuer.name,
      date: order.registeredOn,
      number: order.registrationNumber,
      place: order.place,
      title: order.title,
      basis: order.basis,
      points: order.points,
      signatory: { position: order.signatory.position, name: order.signatory.name },
    },
    plan: importedPlanOf(plan),
  };
}

export const renderMemoRequest = z.object({
  orderId: uuid,
  issuerId: uuid,
  periodId: uuid.nullish(),
  kind: z.enum(['quarterly_memo', 'monitoring_memo']),
  /** Figures in the renderer's `MonitoringFigures` shape. */
  figures: z.record(z.unknown()),
  createdBy: z.string().min(1),
});

export interface DocumentDto {
  id: string;
  kind: DocumentKind;
  subjectId: string;
  version: number;
  fileName: string;
  contentType: string;
  sha256: string;
  size: number;
  signed: boolean;
  createdBy: string;
  createdAt: string;
}

export const readChunkRequest = z.object({
  id: uuid,
  offset: z.number().int().min(0),
  /** Kept well under NATS's default 1 MB payload once base64-encoded. */
  length: z.number().int().min(1).max(512 * 1024),
});

export interface DocumentChunkDto {
  base64: string;
  size: number;
}

export const findBySha256Request = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 в виде 64 шестнадцатеричных цифр в нижнем регистре'),
});

export interface DistinguishedNameDto {
  /** `CN=…, O=…` in certificate order. */
  text: string;
  commonName?: string;
}

export interface CertificateDto {
  subject: DistinguishedNameDto;
  issuer: DistinguishedNameDto;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  algorithm: 'RSA' | 'GOST';
}

/** One embedded signature as `verifyPdfSignatures` (libs/signing) reports it. */
export interface SignatureCheckDto {
  index: number;
  valid: boolean;
  signingTime?: string;
  certificate?: CertificateDto;
  /** The signed bytes are unchanged since signing. */
  digestMatches: boolean;
  /** The CMS signature verifies with the certificate's key. */
  signatureValid: boolean;
  /** The signature covers the whole file except itself. */
  rangeExcludesOnlyContents: boolean;
  /** The certificate chains to a configured trusted root (the development CA in development). */
  chainTrusted?: boolean;
  /** The certificate was within its validity dates at the signing time. */
  certificateValidAtSigningTime: boolean;
  /** Russian reasons it is invalid. */
  problems: string[];
  /** Russian remarks that do not invalidate it. */
  warnings: string[];
}

export interface SignatureReportDto {
  valid: boolean;
  signatures: SignatureCheckDto[];
  problems: string[];
}

/**
 * - `authentic`: byte-identical to a stored signed document, its signatures verify, chain to a trusted root
 *   and their certificates were valid when it was signed;
 * - `modified`: matches no stored document and its signatures do not verify (a changed file);
 * - `untrusted`: the signatures are intact but a certificate does not chain to a trusted root (a self-made one);
 * - `certificate_invalid`: a certificate was not yet or no longer valid at the signing time;
 * - `unknown_file`: its signatures verify and are trusted, but no stored document has these bytes;
 * - `unsigned`: a stored document without a signature;
 * - `signature_invalid`: a stored document whose signature does not verify.
 */
export type VerificationVerdict =
  | 'authentic'
  | 'modified'
  | 'untrusted'
  | 'certificate_invalid'
  | 'unknown_file'
  | 'unsigned'
  | 'signature_invalid';

export interface DocumentVerificationDto {
  verdict: VerificationVerdict;
  /** SHA-256 and size of the bytes checked (the stored file, or the uploaded one). */
  sha256: string;
  size: number;
  /** The stored document these bytes were compared with, if any. */
  document: DocumentDto | null;
  /** The bytes are exactly those stored (same SHA-256 as recorded when the file was saved). */
  identical: boolean;
  signatures: SignatureReportDto;
}

/** The verdict on some bytes: compared with the stored document they claim to be, and their signatures checked. */
export function documentVerification(
  file: { sha256: string; size: number },
  document: DocumentDto | null,
  signatures: SignatureReportDto,
): DocumentVerificationDto {
  const identical = document !== null && document.sha256 === file.sha256;
  return { verdict: verdictOf(identical, document, signatures), ...file, document, identical, signatures };
}

/** A broken signature outweighs a doubtful certificate, which outweighs where the file came from. */
function verdictOf(identical: boolean, document: DocumentDto | null, signatures: SignatureReportDto): VerificationVerdict {
  const all = signatures.signatures;
  if (all.length === 0) return identical ? 'unsigned' : 'modified';
  const intact = all.every((s) => s.digestMatches && s.signatureValid && s.rangeExcludesOnlyContents);
  if (!intact) return identical ? 'signature_invalid' : 'modified';
  if (all.some((s) => !s.certificateValidAtSigningTime)) return 'certificate_invalid';
  if (all.some((s) => s.chainTrusted !== true)) return 'untrusted';
  // Anything else the check found (an unsigned addition after the last signature) breaks it too.
  if (!signatures.valid) return identical ? 'signature_invalid' : 'modified';
  if (!identical) return 'unknown_file';
  return document?.signed ? 'authentic' : 'unsigned';
}

/**
 * Registers (or replaces) the signing key of a person of the registry: a PKCS#12 container. With `password`
 * (the container's own), the service re-seals it under its certificate password; without, it must already
 * open with that password.
 */
export const registerSignerRequest = z.object({
  personId: uuid,
  /** A PKCS#12 of a few kilobytes, base64-encoded. */
  pkcs12Base64: z.string().min(1).max(64 * 1024).regex(/^[A-Za-z0-9+/]+=*$/, 'содержимое PKCS#12 в base64'),
  password: z.string().min(1).max(1000).nullish(),
  /** Who registers it; absent when an operator runs the command line on the server. */
  actor: actorSchema.nullish(),
});

export interface SignerDto {
  personId: string;
  /** The certificate owner's name (CN). */
  displayName: string;
  algorithm: 'RSA' | 'GOST';
  /** SHA-256 of the certificate (DER), hex. */
  fingerprint: string;
  validFrom: string;
  validTo: string;
}

/** Can this person sign on this day: a registered signer whose certificate is valid then. */
export const checkSignerRequest = z.object({ personId: uuid, on: isoDate });

export interface SignerCheckDto {
  canSign: boolean;
  /** Russian: why not, and what to do. */
  reason: string | null;
}

/**
 * A read of one stored document, by anyone: a published (signed) document is open to all; any other only to the
 * staff of its issuer, so the gateway passes the signed-in person (`null` for a visitor without a session).
 */
const reader = { actor: actorSchema.nullable() };
const documentById = byId.extend(reader);
export const readDocumentChunkRequest = readChunkRequest.extend(reader);

export const DocumentRoutes = {
  /** The workflow's rendering of an order: a draft, or the signed act. */
  renderOrder: route<typeof renderOrderRequest, DocumentDto>('documents.render-order', renderOrderRequest),
  /** A person asks for the draft of their issuer's order (never signed). */
  renderDraft: actedRoute<typeof renderDraftRequest, DocumentDto>('documents.render-draft', renderDraftRequest, MINISTRY_ROLES),
  renderMemo: route<typeof renderMemoRequest, DocumentDto>('documents.render-memo', renderMemoRequest),
  get: route<typeof documentById, DocumentDto>('documents.get', documentById),
  /** The documents of an order the person may read: its issuer's staff every one, anyone else the published ones. */
  listForSubject: actedRoute<z.ZodObject<{ subjectId: typeof uuid }>, DocumentDto[]>('documents.list', z.object({ subjectId: uuid }), MINISTRY_ROLES),
  readChunk: route<typeof readDocumentChunkRequest, DocumentChunkDto>('documents.read-chunk', readDocumentChunkRequest),
  /** The лист согласования rendered and returned, not stored (a few tens of kilobytes); the gateway has checked whose order it is. */
  previewApprovalSheet: actedRoute<typeof previewApprovalSheetRequest, RenderedFileDto>(
    'documents.preview-approval-sheet',
    previewApprovalSheetRequest,
    MINISTRY_ROLES,
  ),
  /** Checks the stored file: its SHA-256 against the recorded one and its embedded signatures (read rules as `get`). */
  verify: route<typeof documentById, DocumentVerificationDto>('documents.verify', documentById),
  /** Stored documents with exactly these bytes, signed ones first: whoever asks holds the bytes already. */
  findBySha256: route<typeof findBySha256Request, DocumentDto[]>('documents.find-by-sha256', findBySha256Request),
  /** The operator's command line (`eduplan signer add`) registers a person's certificate. */
  registerSigner: route<typeof registerSignerRequest, SignerDto>('documents.signers.register', registerSignerRequest),
  checkSigner: route<typeof checkSignerRequest, SignerCheckDto>('documents.signers.check', checkSignerRequest),
};

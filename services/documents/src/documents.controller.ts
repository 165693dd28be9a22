import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DocumentRoutes,
  worksForIssuer,
  type DocumentDto,
  type Person,
  type DocumentVerificationDto,
  type RenderedFileDto,
  type SignerCheckDto,
  type SignerDto,
} from '@eduplan/contracts';
import { DomainException, RoutePipe, type AuditEntry } from '@eduplan/platform';
import {
  memoTitle,
  PdfInputError,
  renderApprovalSheetPdf,
  renderMonitoringMemoPdf,
  renderOrderPdf,
  type MonitoringFigures,
} from '@eduplan/pdf';
import { sha256Hex } from '@eduplan/signing';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { contentKey } from './content-key';
import { DocumentStore, type NewDocument, type RenderingKey } from './document-store';
import { DocumentVerification } from './document-verification';
import { COMMAND_LINE } from './documents-audit';
import { documentsConfig } from './documents.config';
import { OrderSigning } from './order-signing';
import { SignerRegistry } from './signer-registry';

const R = DocumentRoutes;

@Controller()
export class DocumentsController {
  private readonly config = documentsConfig();

  constructor(
    private readonly store: DocumentStore,
    private readonly signing: OrderSigning,
    private readonly verification: DocumentVerification,
    private readonly signers: SignerRegistry,
  ) {}

  /**
   * Renders the order with its plan; with a signer, stamps and signs it so the stored file is the signed one, and
   * the audit log records the signature with the account that gave it. Idempotent per content: a retry (say,
   * after this service died between storing and answering) returns the stored document rather than signing the
   * same order again.
   */
  @MessagePattern(R.renderOrder.subject)
  async renderOrder(@Payload(new RoutePipe(R.renderOrder)) request: z.output<typeof R.renderOrder.request>): Promise<DocumentDto> {
    const { signer, signedBy } = request;
    if (signer && !signedBy) throw new DomainException('VALIDATION', 'signedBy: подпись ставится только от имени учётной записи подписанта');
    return this.renderOrderOnce({ ...request, signer: signer ?? null, createdBy: request.createdBy }, signer && signedBy ? { signer, signedBy } : null);
  }

  /** A person's draft («ПРОЕКТ») of an order of the organization they work for; never signed. */
  @MessagePattern(R.renderDraft.subject)
  async renderDraft(@Payload(new RoutePipe(R.renderDraft)) request: z.output<typeof R.renderDraft.request>): Promise<DocumentDto> {
    const { actor, ...rendering } = request;
    if (!worksForIssuer(actor, rendering.issuerId)) {
      throw new DomainException('FORBIDDEN', 'Недостаточно прав: проект приказа формируют сотрудники организации, издающей приказ');
    }
    return this.renderOrderOnce({ ...rendering, draft: true, signer: null, createdBy: actor.login }, null);
  }

  private async renderOrderOnce(request: OrderRendering, signing: Signing | null): Promise<DocumentDto> {
    const { orderId, draft, document, plan, approvalSheet, signer } = request;
    // Everything that shapes the file, and who signs it; not who asked for it.
    const key: RenderingKey = {
      kind: 'order',
      subjectId: orderId,
      periodId: null,
      contentKey: contentKey({ orderId, draft, document, plan, approvalSheet: approvalSheet ?? null, signer: signer?.personId ?? null }),
    };
    const stored = await this.store.findRendered(key);
    if (stored) return stored;
    const { rendered, fingerprint } = await this.renderOrderDocument(key, request);
    return this.store.save(rendered, signing ? (saved) => signatureEntry(saved, signing, fingerprint) : undefined);
  }

  /** The лист согласования of the order's current approval route, rendered for reading and not stored. */
  @MessagePattern(R.previewApprovalSheet.subject)
  async previewApprovalSheet(
    @Payload(new RoutePipe(R.previewApprovalSheet)) request: z.output<typeof R.previewApprovalSheet.request>,
  ): Promise<RenderedFileDto> {
    const pdf = await this.guard(() => renderApprovalSheetPdf(request.sheet));
    return {
      fileName: `Лист согласования — ${request.sheet.documentTitle}.pdf`,
      contentType: 'application/pdf',
      sha256: sha256Hex(pdf),
      size: pdf.length,
      base64: pdf.toString('base64'),
    };
  }

  /** Idempotent per (order, kind, period, figures), like the order. */
  @MessagePattern(R.renderMemo.subject)
  async renderMemo(@Payload(new RoutePipe(R.renderMemo)) request: z.output<typeof R.renderMemo.request>): Promise<DocumentDto> {
    const key: RenderingKey = {
      kind: request.kind,
      subjectId: request.orderId,
      periodId: request.periodId ?? null,
      contentKey: contentKey(request.figures),
    };
    const stored = await this.store.findRendered(key);
    if (stored) return stored;
    const figures = { ...(request.figures as unknown as MonitoringFigures), kind: request.kind };
    const pdf = await this.guard(() => renderMonitoringMemoPdf(figures));
    return this.store.save({
      ...key,
      id: randomUUID(),
      issuerId: request.issuerId,
      fileName: `${memoTitle(request.kind, figures.period)}.pdf`,
      content: pdf,
      signed: false,
      createdBy: request.createdBy,
    });
  }

  /** The operator's command line registers a person's certificate; the person's existence was checked in the registry by it. */
  @MessagePattern(R.registerSigner.subject)
  registerSigner(@Payload(new RoutePipe(R.registerSigner)) request: z.output<typeof R.registerSigner.request>): Promise<SignerDto> {
    const opening = { password: this.config.CERTIFICATE_PASSWORD, containerPassword: request.password, trustedRoots: this.config.trustedRoots };
    const actor = request.actor ? { accountId: request.actor.accountId, login: request.actor.login } : COMMAND_LINE;
    return this.signers.register(request.personId, Buffer.from(request.pkcs12Base64, 'base64'), opening, actor);
  }

  @MessagePattern(R.checkSigner.subject)
  checkSigner(@Payload(new RoutePipe(R.checkSigner)) request: z.output<typeof R.checkSigner.request>): Promise<SignerCheckDto> {
    return this.signers.check(request.personId, request.on);
  }

  @MessagePattern(R.get.subject)
  get(@Payload(new RoutePipe(R.get)) { id, actor }: z.output<typeof R.get.request>): Promise<DocumentDto> {
    return this.store.get(id, actor);
  }

  @MessagePattern(R.listForSubject.subject)
  list(@Payload(new RoutePipe(R.listForSubject)) { subjectId, actor }: z.output<typeof R.listForSubject.request>): Promise<DocumentDto[]> {
    return this.store.list(subjectId, actor);
  }

  @MessagePattern(R.readChunk.subject)
  readChunk(@Payload(new RoutePipe(R.readChunk)) request: z.output<typeof R.readChunk.request>) {
    return this.store.readChunk(request.id, request.offset, request.length, request.actor);
  }

  @MessagePattern(R.verify.subject)
  verify(@Payload(new RoutePipe(R.verify)) { id, actor }: z.output<typeof R.verify.request>): Promise<DocumentVerificationDto> {
    return this.verification.verify(id, actor);
  }

  @MessagePattern(R.findBySha256.subject)
  findBySha256(@Payload(new RoutePipe(R.findBySha256)) { sha256 }: z.output<typeof R.findBySha256.request>): Promise<DocumentDto[]> {
    return this.store.findBySha256(sha256);
  }

  private async renderOrderDocument(key: RenderingKey, request: OrderRendering): Promise<{ rendered: NewDocument; fingerprint: string | null }> {
    const id = randomUUID();
    const prepared = request.signer ? await this.signing.prepare(request.signer) : null;
    const pdf = await this.guard(() =>
      renderOrderPdf({
        document: request.document,
        plan: request.plan as never,
        options: {
          draft: request.draft,
          approvalSheet: request.approvalSheet ?? undefined,
          signatureStamp: prepared?.stamp,
          qrPayload: prepared ? `${this.config.PUBLIC_URL}/verify/${id}` : undefined,
        },
      }),
    );
    const number = request.document.number ? ` № ${request.document.number}` : '';
    const rendered: NewDocument = {
      ...key,
      id,
      issuerId: request.issuerId,
      fileName: `${request.draft ? 'Проект приказа' : 'Приказ'}${number}.pdf`,
      content: prepared ? await prepared.signer.sign(pdf) : pdf,
      signed: Boolean(prepared),
      createdBy: request.createdBy,
    };
    return { rendered, fingerprint: prepared?.fingerprint ?? null };
  }

  /** The renderer's complaints about its input are the caller's to fix, not internal errors. */
  private async guard(render: () => Promise<Buffer>): Promise<Buffer> {
    try {
      return await render();
    } catch (error) {
      if (error instanceof PdfInputError) throw new DomainException('VALIDATION', error.message);
      throw error;
    }
  }
}

/** What an order is rendered from, whoever asked: the workflow (maybe signed) or a person (a draft). */
type OrderRendering = z.output<typeof R.renderDraft.request> extends infer D
  ? Omit<D, 'actor'> & { draft: boolean; signer: Person | null; createdBy: string }
  : never;

/** Who signs and which account gave the signature. */
interface Signing {
  signer: Person;
  signedBy: { accountId: string; login: string };
}

/** The audit entry of a signature: the document, the order, the signatory and the certificate. */
function signatureEntry(document: DocumentDto, signing: Signing, fingerprint: string | null): AuditEntry {
  return {
    actor: { accountId: signing.signedBy.accountId, login: signing.signedBy.login },
    action: 'document.sign',
    objectType: 'document',
    objectId: document.id,
    after: {
      orderId: document.subjectId,
      fileName: document.fileName,
      sha256: document.sha256,
      signer: { personId: signing.signer.personId, name: signing.signer.name },
      certificate: fingerprint,
    },
  };
}

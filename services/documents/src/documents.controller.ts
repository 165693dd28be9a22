import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DocumentRoutes, type DocumentDto, type DocumentVerificationDto } from '@eduplan/contracts';
import { DomainException, RoutePipe } from '@eduplan/platform';
import {
  memoTitle,
  PdfInputError,
  renderApprovalSheetPdf,
  renderMonitoringMemoPdf,
  renderOrderPdf,
  type MonitoringFigures,
} from '@eduplan/pdf';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DocumentStore } from './document-store';
import { DocumentVerification } from './document-verification';
import { documentsConfig } from './documents.config';
import { OrderSigning } from './order-signing';

const R = DocumentRoutes;

@Controller()
export class DocumentsController {
  private readonly config = documentsConfig();

  constructor(
    private readonly store: DocumentStore,
    private readonly signing: OrderSigning,
    private readonly verification: DocumentVerification,
  ) {}

  /** Renders the order with its plan; with a signer, stamps and signs it so the stored file is the signed one. */
  @MessagePattern(R.renderOrder.subject)
  async renderOrder(@Payload(new RoutePipe(R.renderOrder)) request: z.output<typeof R.renderOrder.request>): Promise<DocumentDto> {
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
    const content = prepared ? await prepared.signer.sign(pdf) : pdf;
    const number = request.document.number ? ` № ${request.document.number}` : '';
    return this.store.save({
      id,
      kind: 'order',
      subjectId: request.orderId,
      fileName: `${request.draft ? 'Проект приказа' : 'Приказ'}${number}.pdf`,
      content,
      signed: Boolean(prepared),
      createdBy: request.createdBy,
    });
  }

  /** The лист согласования of the order's current approval route, as its own stored PDF. */
  @MessagePattern(R.renderApprovalSheet.subject)
  async renderApprovalSheet(
    @Payload(new RoutePipe(R.renderApprovalSheet)) request: z.output<typeof R.renderApprovalSheet.request>,
  ): Promise<DocumentDto> {
    const pdf = await this.guard(() => renderApprovalSheetPdf(request.sheet));
    return this.store.save({
      id: randomUUID(),
      kind: 'approval_sheet',
      subjectId: request.orderId,
      fileName: `Лист согласования — ${request.sheet.documentTitle}.pdf`,
      content: pdf,
      signed: false,
      createdBy: request.createdBy,
    });
  }

  @MessagePattern(R.renderMemo.subject)
  async renderMemo(@Payload(new RoutePipe(R.renderMemo)) request: z.output<typeof R.renderMemo.request>): Promise<DocumentDto> {
    const figures = { ...(request.figures as unknown as MonitoringFigures), kind: request.kind };
    const pdf = await this.guard(() => renderMonitoringMemoPdf(figures));
    return this.store.save({
      id: randomUUID(),
      kind: request.kind,
      subjectId: request.orderId,
      fileName: `${memoTitle(request.kind, figures.period)}.pdf`,
      content: pdf,
      signed: false,
      createdBy: request.createdBy,
    });
  }

  @MessagePattern(R.get.subject)
  get(@Payload(new RoutePipe(R.get)) { id }: z.output<typeof R.get.request>): Promise<DocumentDto> {
    return this.store.get(id);
  }

  @MessagePattern(R.listForSubject.subject)
  list(@Payload(new RoutePipe(R.listForSubject)) { subjectId }: z.output<typeof R.listForSubject.request>): Promise<DocumentDto[]> {
    return this.store.list(subjectId);
  }

  @MessagePattern(R.readChunk.subject)
  readChunk(@Payload(new RoutePipe(R.readChunk)) request: z.output<typeof R.readChunk.request>) {
    return this.store.readChunk(request.id, request.offset, request.length);
  }

  @MessagePattern(R.verify.subject)
  verify(@Payload(new RoutePipe(R.verify)) { id }: z.output<typeof R.verify.request>): Promise<DocumentVerificationDto> {
    return this.verification.verify(id);
  }

  @MessagePattern(R.findBySha256.subject)
  findBySha256(@Payload(new RoutePipe(R.findBySha256)) { sha256 }: z.output<typeof R.findBySha256.request>): Promise<DocumentDto[]> {
    return this.store.findBySha256(sha256);
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

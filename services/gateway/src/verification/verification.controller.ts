import { Controller, Get, HttpCode, HttpException, Param, Post, Req, Res } from '@nestjs/common';
import { DocumentRoutes, type Actor, type DocumentVerificationDto } from '@eduplan/contracts';
import { BusClient, BusRequestError } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { OptionalActor } from '../auth/current-actor.decorator';
import { UploadRoute } from '../edge/upload-route.decorator';
import { readPdfUpload } from './pdf-upload';
import { IssuedActs, type IssuedActDto } from './issued-act';
import { UploadedPdfVerification } from './uploaded-pdf-verification';
import { uploadFormPage, VERDICT_TEXT, verificationErrorPage, verificationPage } from './verification-page';

type VerificationAnswer = DocumentVerificationDto & { message: string; act: IssuedActDto | null };

const PAGE_STATUS: Partial<Record<BusRequestError['payload']['code'], number>> = { NOT_FOUND: 404, VALIDATION: 400, UNAUTHENTICATED: 401, UNAVAILABLE: 503 };

/**
 * The public verification of documents, no sign-in: `/verify/<id>` is what the QR code on a signed document
 * opens; `/verify` takes an uploaded PDF. The same checks answer in JSON under /api. A stored document not yet
 * published is checked for its issuer's staff only (the documents service decides, given the signed-in person).
 */
@Controller()
export class VerificationController {
  constructor(
    private readonly bus: BusClient,
    private readonly uploads: UploadedPdfVerification,
    private readonly acts: IssuedActs,
  ) {}

  @Get('verify')
  form(@Res() response: Response): void {
    response.type('html').send(uploadFormPage());
  }

  @Get('verify/:documentId')
  async storedPage(@Param('documentId') id: string, @OptionalActor() actor: Actor | null, @Res() response: Response): Promise<void> {
    await sendPage(response, async () => {
      const result = await this.bus.request(DocumentRoutes.verify, { id, actor });
      return verificationPage(result, 'stored', await this.acts.of(result.document));
    });
  }

  @Post('verify')
  @UploadRoute()
  async uploadPage(@Req() request: Request, @Res() response: Response): Promise<void> {
    await sendPage(response, async () => {
      const result = await this.uploads.verify(await readPdfUpload(request, response));
      return verificationPage(result, 'upload', await this.acts.of(result.document));
    });
  }

  @Get('api/documents/:id/verification')
  async stored(@Param('id') id: string, @OptionalActor() actor: Actor | null): Promise<VerificationAnswer> {
    return this.answer(await this.bus.request(DocumentRoutes.verify, { id, actor }));
  }

  /** Multipart upload, field `file`. */
  @Post('api/documents/verification')
  @UploadRoute()
  @HttpCode(200)
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<VerificationAnswer> {
    return this.answer(await this.uploads.verify(await readPdfUpload(request, response)));
  }

  private async answer(verification: DocumentVerificationDto): Promise<VerificationAnswer> {
    return { ...verification, message: VERDICT_TEXT[verification.verdict].title, act: await this.acts.of(verification.document) };
  }
}

/** Failures a reader can act on become the same page with the reason; anything else goes to the JSON error filter. */
async function sendPage(response: Response, render: () => Promise<string>): Promise<void> {
  try {
    response.status(200).type('html').send(await render());
  } catch (error) {
    const failure = pageFailure(error);
    if (!failure) throw error;
    response.status(failure.status).type('html').send(verificationErrorPage(failure.message));
  }
}

function pageFailure(error: unknown): { status: number; message: string } | undefined {
  if (error instanceof HttpException) return { status: error.getStatus(), message: error.message };
  if (error instanceof ZodError || (error instanceof BusRequestError && error.payload.code === 'NOT_FOUND')) {
    return { status: 404, message: 'Документ не найден: проверьте ссылку или отсканируйте QR-код ещё раз' };
  }
  const status = error instanceof BusRequestError ? PAGE_STATUS[error.payload.code] : undefined;
  return status && error instanceof BusRequestError ? { status, message: error.payload.message } : undefined;
}

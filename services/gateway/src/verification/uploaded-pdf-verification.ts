import { Injectable } from '@nestjs/common';
import { DocumentRoutes, documentVerification, type DocumentVerificationDto } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { sha256Hex, verifyPdfSignatures } from '@eduplan/signing';
import { verificationConfig } from './verification.config';

/**
 * Checks an uploaded PDF here in the gateway, so the file never crosses the bus: its signatures are verified
 * locally against the trusted roots and only its SHA-256 is looked up among the stored documents.
 */
@Injectable()
export class UploadedPdfVerification {
  private readonly trustedRoots = verificationConfig().trustedRoots;

  constructor(private readonly bus: BusClient) {}

  async verify(pdf: Buffer): Promise<DocumentVerificationDto> {
    const sha256 = sha256Hex(pdf);
    const [stored, signatures] = await Promise.all([
      this.bus.request(DocumentRoutes.findBySha256, { sha256 }),
      verifyPdfSignatures(pdf, { trustedRoots: this.trustedRoots }),
    ]);
    return documentVerification({ sha256, size: pdf.length }, stored[0] ?? null, signatures);
  }
}

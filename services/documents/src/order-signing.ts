import { Injectable } from '@nestjs/common';
import type { Person } from '@eduplan/contracts';
import { certificateFingerprint, certificateStampInfo, createPdfSigner, type PdfSigner } from '@eduplan/signing';
import type { SignatureStamp } from '@eduplan/pdf';
import { documentsConfig } from './documents.config';
import { SignerRegistry } from './signer-registry';

export interface PreparedSigner {
  stamp: SignatureStamp;
  signer: PdfSigner;
  /** SHA-256 of the certificate signing, as the audit log names it. */
  fingerprint: string;
}

/** Finds the signatory's registered certificate and prepares both the visible stamp and the PAdES signer. */
@Injectable()
export class OrderSigning {
  private readonly config = documentsConfig();

  constructor(private readonly signers: SignerRegistry) {}

  async prepare(person: Person, issuerTimeZone = 'Europe/Moscow'): Promise<PreparedSigner> {
    const credentials = await this.signers.credentials(person, new Date(), this.config.CERTIFICATE_PASSWORD);
    return {
      stamp: certificateStampInfo(credentials.certificatePem, issuerTimeZone),
      signer: createPdfSigner(credentials),
      fingerprint: certificateFingerprint(credentials.certificatePem),
    };
  }
}

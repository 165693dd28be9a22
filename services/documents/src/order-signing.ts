import { Injectable } from '@nestjs/common';
import type { Person } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { certificateStampInfo, createPdfSigner, loadPkcs12File, type PdfSigner } from '@eduplan/signing';
import type { SignatureStamp } from '@eduplan/pdf';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { documentsConfig } from './documents.config';

export interface PreparedSigner {
  stamp: SignatureStamp;
  signer: PdfSigner;
}

/** Finds the signatory's certificate and prepares both the visible stamp and the PAdES signer. */
@Injectable()
export class OrderSigning {
  private readonly config = documentsConfig();

  async prepare(person: Person, issuerTimeZone = 'Europe/Moscow'): Promise<PreparedSigner> {
    const file = join(this.config.CERTIFICATES_DIR, `${person.userId}-rsa.p12`);
    if (!existsSync(file)) {
      throw new DomainException(
        'VALIDATION',
        `Нет сертификата электронной подписи для ${person.name} (${file}); выпустите его: npm run -s eduplan -- certificates --out ${this.config.CERTIFICATES_DIR}`,
      );
    }
    const credentials = await loadPkcs12File(file, this.config.CERTIFICATE_PASSWORD);
    return {
      stamp: certificateStampInfo(credentials.certificatePem, issuerTimeZone),
      signer: createPdfSigner(credentials),
    };
  }
}

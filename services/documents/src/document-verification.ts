import { Injectable } from '@nestjs/common';
import { documentVerification, type DocumentVerificationDto } from '@eduplan/contracts';
import { sha256Hex, verifyPdfSignatures } from '@eduplan/signing';
import { DocumentStore } from './document-store';

/** What the public verification page shows for a stored document: is the file intact, and do its signatures verify. */
@Injectable()
export class DocumentVerification {
  constructor(private readonly store: DocumentStore) {}

  async verify(id: string): Promise<DocumentVerificationDto> {
    const document = await this.store.get(id);
    const content = await this.store.readContent(id);
    const signatures = await verifyPdfSignatures(content);
    return documentVerification({ sha256: sha256Hex(content), size: content.length }, document, signatures);
  }
}

import { Injectable } from '@nestjs/common';
import { documentVerification, type Actor, type DocumentVerificationDto } from '@eduplan/contracts';
import { sha256Hex, verifyPdfSignatures } from '@eduplan/signing';
import { DocumentStore } from './document-store';
import { documentsConfig } from './documents.config';

/**
 * What the public verification page shows for a stored document: is the file intact, do its signatures verify,
 * and do their certificates chain to a trusted root and were they valid when it was signed.
 */
@Injectable()
export class DocumentVerification {
  private readonly trustedRoots = documentsConfig().trustedRoots;

  constructor(private readonly store: DocumentStore) {}

  /** Open to anyone for a published document; any other to its issuer's staff (`DocumentStore.get`). */
  async verify(id: string, actor: Actor | null): Promise<DocumentVerificationDto> {
    const document = await this.store.get(id, actor);
    const content = await this.store.readContent(id);
    const signatures = await verifyPdfSignatures(content, { trustedRoots: this.trustedRoots });
    return documentVerification({ sha256: sha256Hex(content), size: content.length }, document, signatures);
  }
}

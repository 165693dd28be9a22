import type { ServiceDatabase } from '@eduplan/platform';
import { DocumentEntity } from './document.entity';
import { CreateDocuments1763800300000 } from './migrations/1763800300000-create-documents';
import { CreateSigners1764600000000 } from './migrations/1764600000000-create-signers';
import { AddDocumentContentKeys1764600100000 } from './migrations/1764600100000-add-document-content-keys';
import { SignersByPerson1765600000000 } from './migrations/1765600000000-signers-by-person';
import { DocumentIssuersAndAudit1765600100000 } from './migrations/1765600100000-document-issuers-and-audit';
import { SignerEntity } from './signer.entity';

export const entities = [DocumentEntity, SignerEntity];

export const database: ServiceDatabase = {
  schema: 'documents',
  entities,
  migrations: [
    CreateDocuments1763800300000,
    CreateSigners1764600000000,
    AddDocumentContentKeys1764600100000,
    SignersByPerson1765600000000,
    DocumentIssuersAndAudit1765600100000,
  ],
};

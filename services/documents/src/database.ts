import type { ServiceDatabase } from '@eduplan/platform';
import { DocumentEntity } from './document.entity';
import { CreateDocuments1763800300000 } from './migrations/1763800300000-create-documents';

export const entities = [DocumentEntity];

export const database: ServiceDatabase = {
  schema: 'documents',
  entities,
  migrations: [CreateDocuments1763800300000],
};

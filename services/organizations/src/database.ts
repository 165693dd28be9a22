import type { ServiceDatabase } from '@eduplan/platform';
import { CreateOrganizations1763800000000 } from './migrations/1763800000000-create-organizations';
import { OrganizationEntity } from './organization.entity';

export const database: ServiceDatabase = {
  schema: 'organizations',
  entities: [OrganizationEntity],
  migrations: [CreateOrganizations1763800000000],
};

import type { ServiceDatabase } from '@eduplan/platform';
import { CreateOrganizations1763800000000 } from './migrations/1763800000000-create-organizations';
import { ResponsibleAliases1765200000000 } from './migrations/1765200000000-responsible-aliases';
import { OrganizationEntity } from './organization.entity';

export const database: ServiceDatabase = {
  schema: 'organizations',
  entities: [OrganizationEntity],
  migrations: [CreateOrganizations1763800000000, ResponsibleAliases1765200000000],
};

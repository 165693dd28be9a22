import type { ServiceDatabase } from '@eduplan/platform';
import { AccountEntity } from './accounts/account.entity';
import { SessionEntity } from './accounts/session.entity';
import { CreateOrganizations1763800000000 } from './migrations/1763800000000-create-organizations';
import { OrganizationRegistry1765000000000 } from './migrations/1765000000000-organization-registry';
import { OrganizationImportBatches1765000100000 } from './migrations/1765000100000-organization-import-batches';
import { PeopleAndSubstitutions1765000200000 } from './migrations/1765000200000-people-and-substitutions';
import { CreateAccountsSessionsAudit1765100000000 } from './migrations/1765100000000-create-accounts-sessions-audit';
import { ResponsibleAliases1765200000000 } from './migrations/1765200000000-responsible-aliases';
import { OrganizationEntity } from './organization.entity';
import { PersonEntity, SubstitutionEntity } from './person.entity';
import { MunicipalityEntity, RegionEntity } from './region.entity';

export const database: ServiceDatabase = {
  schema: 'organizations',
  entities: [OrganizationEntity, RegionEntity, MunicipalityEntity, PersonEntity, SubstitutionEntity, AccountEntity, SessionEntity],
  migrations: [
    CreateOrganizations1763800000000,
    OrganizationRegistry1765000000000,
    OrganizationImportBatches1765000100000,
    PeopleAndSubstitutions1765000200000,
    CreateAccountsSessionsAudit1765100000000,
    ResponsibleAliases1765200000000,
  ],
};

import type { ServiceDatabase } from '@eduplan/platform';
import { AccountEntity } from './accounts/account.entity';
import { SessionEntity } from './accounts/session.entity';
import { CreateOrganizations1763800000000 } from './migrations/1763800000000-create-organizations';
import { CreateAccountsSessionsAudit1765100000000 } from './migrations/1765100000000-create-accounts-sessions-audit';
import { OrganizationEntity } from './organization.entity';

export const database: ServiceDatabase = {
  schema: 'organizations',
  entities: [OrganizationEntity, AccountEntity, SessionEntity],
  migrations: [CreateOrganizations1763800000000, CreateAccountsSessionsAudit1765100000000],
};

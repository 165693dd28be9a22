import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, databaseOptions, healthController } from '@eduplan/platform';
import { AccountAdministration } from './accounts/account-administration';
import { AccountEntity } from './accounts/account.entity';
import { AccountsController } from './accounts/accounts.controller';
import { CreateAccountUseCase } from './accounts/create-account.usecase';
import { LoginUseCase } from './accounts/login.usecase';
import { RecipientsController } from './accounts/recipients.controller';
import { OidcLoginUseCase } from './accounts/oidc-login.usecase';
import { SessionEntity } from './accounts/session.entity';
import { SessionStore } from './accounts/session-store';
import { database } from './database';
import { OrganizationImportController } from './organization-import.controller';
import { OrganizationImportService } from './organization-import.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationRegistry } from './organization-registry';
import { OrganizationsController } from './organizations.controller';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RegionsController } from './regions.controller';
import { MunicipalityEntity, RegionEntity } from './region.entity';
import { ResponsibleLinksController } from './responsible/responsible-links.controller';

@Module({
  imports: [
    TypeOrmModule.forRoot(databaseOptions(database)),
    TypeOrmModule.forFeature([OrganizationEntity, RegionEntity, MunicipalityEntity, AccountEntity, SessionEntity]),
  ],
  controllers: [
    OrganizationsController,
    RegionsController,
    OrganizationImportController,
    PeopleController,
    AccountsController,
    RecipientsController,
    ResponsibleLinksController,
    healthController('organizations'),
    auditController('organizations'),
  ],
  providers: [AccountAdministration, OrganizationRegistry, OrganizationImportService, PeopleService, SessionStore, LoginUseCase, OidcLoginUseCase, CreateAccountUseCase],
})
export class AppModule {}

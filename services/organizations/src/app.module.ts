import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { AccountEntity } from './accounts/account.entity';
import { AccountsController } from './accounts/accounts.controller';
import { AuditEntriesQuery } from './accounts/audit-entries.query';
import { CreateAccountUseCase } from './accounts/create-account.usecase';
import { LoginUseCase } from './accounts/login.usecase';
import { OidcLoginUseCase } from './accounts/oidc-login.usecase';
import { SessionEntity } from './accounts/session.entity';
import { SessionStore } from './accounts/session-store';
import { database } from './database';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsController } from './organizations.controller';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature([OrganizationEntity, AccountEntity, SessionEntity])],
  controllers: [OrganizationsController, AccountsController, healthController('organizations')],
  providers: [SessionStore, LoginUseCase, OidcLoginUseCase, CreateAccountUseCase, AuditEntriesQuery],
})
export class AppModule {}

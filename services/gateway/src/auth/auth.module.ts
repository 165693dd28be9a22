import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccountsController } from './accounts.controller';
import { AuditController } from './audit.controller';
import { AUTH_CONFIG, loadAuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { OidcClient } from './oidc-client';
import { OidcController } from './oidc.controller';
import { SessionGuard } from './session.guard';

const config = loadAuthConfig();

/** Sign-in, sign-out, the current caller, single sign-on, the audit log, the administrator's accounts; and the guard that reads sessions on every route. */
@Module({
  controllers: [AuthController, OidcController, AuditController, AccountsController],
  providers: [{ provide: AUTH_CONFIG, useValue: config }, OidcClient, { provide: APP_GUARD, useClass: SessionGuard }],
})
export class AuthModule {}

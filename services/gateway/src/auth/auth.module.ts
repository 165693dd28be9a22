import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditController } from './audit.controller';
import { AUTH_CONFIG, loadAuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { OidcClient } from './oidc-client';
import { OidcController } from './oidc.controller';
import { SessionGuard } from './session.guard';

const config = loadAuthConfig();

/** Sign-in, sign-out, the current caller, single sign-on, the audit log; and the guard that reads sessions on every route. */
@Module({
  imports: [
    ThrottlerModule.forRoot({
      throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT }],
      errorMessage: 'Слишком много попыток входа с этого адреса: подождите минуту и попробуйте снова',
    }),
  ],
  controllers: [AuthController, OidcController, AuditController],
  providers: [{ provide: AUTH_CONFIG, useValue: config }, OidcClient, { provide: APP_GUARD, useClass: SessionGuard }],
})
export class AuthModule {}

import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { AccountRoutes } from '@eduplan/contracts';
import { BusClient, DomainException } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { OidcClient, type OidcTransaction } from './oidc-client';
import { sessionToken, setSessionCookie } from './session-cookie';

const TRANSACTION_COOKIE = 'eduplan_oidc';
const TRANSACTION_PATH = '/api/auth/oidc';

@Controller('api/auth')
export class OidcController {
  constructor(
    private readonly client: OidcClient,
    private readonly bus: BusClient,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** What the login page may offer. */
  @Get('options')
  options(): { oidc: boolean } {
    return { oidc: this.client.enabled };
  }

  @Get('oidc/start')
  async start(@Res() response: Response): Promise<void> {
    const { url, transaction } = await this.client.start();
    // SameSite=Lax, unlike the session cookie: the provider sends the browser back with a cross-site
    // top-level GET, and a Strict cookie would not come with it, so state and verifier would be lost.
    response.cookie(TRANSACTION_COOKIE, Buffer.from(JSON.stringify(transaction)).toString('base64url'), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.PUBLIC_URL.startsWith('https:'),
      path: TRANSACTION_PATH,
      maxAge: 10 * 60 * 1000,
    });
    response.redirect(302, url);
  }

  @Get('oidc/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const transaction = readTransaction(request);
    response.clearCookie(TRANSACTION_COOKIE, { path: TRANSACTION_PATH });
    const identity = await this.client.finish(request.originalUrl, transaction);
    const session = await this.bus.request(AccountRoutes.loginOidc, { ...identity, previousToken: sessionToken(request) });
    setSessionCookie(response, this.config, session);
    response.redirect(302, '/');
  }
}

function readTransaction(request: Request): OidcTransaction {
  const raw: unknown = (request.cookies as Record<string, unknown> | undefined)?.[TRANSACTION_COOKIE];
  try {
    const parsed = JSON.parse(Buffer.from(String(raw), 'base64url').toString('utf8')) as Partial<OidcTransaction>;
    if (typeof parsed.state === 'string' && typeof parsed.nonce === 'string' && typeof parsed.codeVerifier === 'string') {
      return { state: parsed.state, nonce: parsed.nonce, codeVerifier: parsed.codeVerifier };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new DomainException('UNAUTHENTICATED', 'Вход через единый вход не начат в этом браузере или занял больше 10 минут: начните вход снова');
}

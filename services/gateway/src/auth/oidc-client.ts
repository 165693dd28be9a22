import { Inject, Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { DomainException } from '@eduplan/platform';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';

/** What the browser keeps between the redirect to the provider and the way back (in a short-lived cookie). */
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** Only an address the provider says it verified (or does not say otherwise of). */
  email: string | null;
}


/**
 * openid-client is an ES module: it is loaded when single sign-on is first used (Node 20 requires ES modules),
 * so a gateway without single sign-on, and Jest's CommonJS runtime, never load it.
 */
const openIdClient = (): typeof OpenIdClient => require('openid-client') as typeof OpenIdClient;

/**
 * Single sign-on against the ministry's OpenID provider: authorization code flow with PKCE, state and nonce
 * (openid-client v6). The provider's metadata is discovered once and kept.
 */
@Injectable()
export class OidcClient {
  private configuration: Promise<OpenIdClient.Configuration> | null = null;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.OIDC_ISSUER);
  }

  get redirectUri(): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/auth/oidc/callback`;
  }

  async start(): Promise<{ url: string; transaction: OidcTransaction }> {
    const oidc = openIdClient();
    const configuration = await this.discover();
    const transaction = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  /** Exchanges the code from the callback address for tokens and reads who signed in from the ID token. */
  async finish(callbackPathAndQuery: string, transaction: OidcTransaction): Promise<OidcIdentity> {
    const oidc = openIdClient();
    const configuration = await this.discover();
    const callbackUrl = new URL(callbackPathAndQuery, this.config.PUBLIC_URL);
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // A provider may keep the e-mail out of the ID token and give it only at the UserInfo endpoint (OIDC Core 5.4).
      const profile =
        typeof claims.email === 'string'
          ? { email: claims.email, email_verified: claims.email_verified }
          : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      const email = typeof profile.email === 'string' && profile.email_verified !== false ? profile.email : null;
      return { issuer: claims.iss, subject: claims.sub, email };
    } catch (error) {
      throw new DomainException('UNAUTHENTICATED', `Вход через единый вход не удался: ${error instanceof Error ? error.message : String(error)}. Попробуйте войти снова`);
    }
  }

  private discover(): Promise<OpenIdClient.Configuration> {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.config;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) throw new DomainException('NOT_FOUND', 'Единый вход (OpenID Connect) не настроен: задайте OIDC_ISSUER, OIDC_CLIENT_ID и OIDC_CLIENT_SECRET');
    const issuer = new URL(OIDC_ISSUER);
    // Plain http only to a provider on this machine (a test or a local Keycloak); anywhere else https is required.
    const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    const oidc = openIdClient();
    this.configuration ??= oidc
      .discovery(issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, undefined, local ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        this.configuration = null;
        throw new DomainException('UNAVAILABLE', `Поставщик входа ${OIDC_ISSUER} недоступен: ${error instanceof Error ? error.message : String(error)}`);
      });
    return this.configuration;
  }
}

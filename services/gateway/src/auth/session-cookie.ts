import type { SessionDto } from '@eduplan/contracts';
import type { CookieOptions, Request, Response } from 'express';
import type { AuthConfig } from './auth.config';

export const SESSION_COOKIE = 'eduplan_session';

/**
 * HttpOnly (scripts cannot read it), SameSite=Strict (no other site's page can make the browser send it,
 * which with JSON-only writes closes CSRF), Secure when the public address is https, and gone when the
 * session ends. Strict holds even with single sign-on: the provider's redirect back sets the cookie, and the
 * web client's own requests that follow are same-site.
 */
function options(config: AuthConfig): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: config.PUBLIC_URL.startsWith('https:'), path: '/' };
}

export function setSessionCookie(response: Response, config: AuthConfig, session: Pick<SessionDto, 'token' | 'expiresAt'>): void {
  response.cookie(SESSION_COOKIE, session.token, { ...options(config), expires: new Date(session.expiresAt) });
}

export function clearSessionCookie(response: Response, config: AuthConfig): void {
  response.clearCookie(SESSION_COOKIE, options(config));
}

/** The token in the request's cookie when it has the shape of one; anything else is no session. */
export function sessionToken(request: Request): string | null {
  const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

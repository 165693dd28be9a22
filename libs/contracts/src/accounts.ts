import { z } from 'zod';
import { route } from './bus/route';
import { actorSchema, ROLES, type Actor } from './actor';
import { nonEmpty, uuid } from './common';

const login = z
  .string()
  .trim()
  .min(2, 'логин не короче 2 символов')
  .max(100, 'логин не длиннее 100 символов')
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'логин: буквы, цифры и . _ @ - без пробелов');


/** A session token as the gateway reads it from the cookie (256 random bits, base64url). */
const sessionToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'недействительный токен сессии');

export const MIN_PASSWORD_LENGTH = 10;

export const createAccountRequest = z.object({
  login,
  name: nonEmpty(300),
  email: z.string().trim().email('адрес электронной почты').max(320).nullish(),
  roles: z.array(z.enum(ROLES)).min(1, 'укажите хотя бы одну роль'),
  organizationId: uuid.nullish(),
  personId: uuid.nullish(),
  /** Absent: the account signs in only through single sign-on (OIDC). */
  password: z.string().min(MIN_PASSWORD_LENGTH, `пароль не короче ${MIN_PASSWORD_LENGTH} символов`).max(1000).nullish(),
  /** Who creates it; absent when an operator runs the command line on the server. */
  actor: actorSchema.nullish(),
});

export const loginRequest = z.object({
  login: z.string().trim().min(1, 'укажите логин').max(100),
  password: z.string().min(1, 'укажите пароль').max(1000),
  /** The session the browser held before, ended so a planted cookie cannot outlive the login (rotation). */
  previousToken: sessionToken.nullish(),
});

export const sessionRequest = z.object({ token: sessionToken });

/** A person signed in through the OpenID provider: matched to an account by subject, then by e-mail. */
export const oidcLoginRequest = z.object({
  issuer: z.string().url(),
  subject: nonEmpty(255),
  email: z.string().trim().email().max(320).nullish(),
  previousToken: sessionToken.nullish(),
});

export interface AccountDto {
  id: string;
  login: string;
  name: string;
  email: string | null;
  roles: Actor['roles'];
  organizationId: string | null;
  personId: string | null;
  active: boolean;
  createdAt: string;
}

export interface SessionDto {
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: string;
  actor: Actor;
}

/** A resolved session; `token` differs from the one sent when the session was rotated. */
export type ResolvedSessionDto = SessionDto;

export const AccountRoutes = {
  create: route<typeof createAccountRequest, AccountDto>('organizations.accounts.create', createAccountRequest),
  /** How many active administrators exist: `npm start` tells how to create the first one. */
  countAdmins: route<z.ZodObject<{}>, { count: number }>('organizations.accounts.count-admins', z.object({})),
  login: route<typeof loginRequest, SessionDto>('organizations.sessions.login', loginRequest),
  loginOidc: route<typeof oidcLoginRequest, SessionDto>('organizations.sessions.login-oidc', oidcLoginRequest),
  resolve: route<typeof sessionRequest, ResolvedSessionDto>('organizations.sessions.resolve', sessionRequest),
  logout: route<typeof sessionRequest, { ended: boolean }>('organizations.sessions.logout', sessionRequest),
};

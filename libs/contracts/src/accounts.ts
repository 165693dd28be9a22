import { z } from 'zod';
import { actedRoute, route } from './bus/route';
import { actorSchema, ROLES, type Actor } from './actor';
import { nonEmpty, pageRequest, uuid, type Page } from './common';

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

const password = z.string().min(MIN_PASSWORD_LENGTH, `пароль не короче ${MIN_PASSWORD_LENGTH} символов`).max(1000);
const accountRoles = z
  .array(z.enum(ROLES))
  .min(1, 'укажите хотя бы одну роль')
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)]);

/** Accounts as the administrator's list finds them: by part of the login or the name, active or blocked. */
export const listAccountsRequest = pageRequest.extend({
  query: z.string().trim().max(200).optional(),
  status: z.enum(['active', 'blocked', 'all']).default('all'),
});

const personAccountFields = z.object({
  /** The person of the registry the account is for: their name, e-mail and organization are taken from it. */
  personId: uuid,
  login,
  roles: accountRoles,
  /** The first password, to be handed to the person; absent for an account signing in only through single sign-on. */
  password: password.nullish(),
  /** The person's identifier at the OpenID provider («sub»), when known before their first sign-in. */
  oidcSubject: nonEmpty(255).nullish(),
});

const passwordOrSubject = <T extends { password?: string | null; oidcSubject?: string | null }>(account: T) => Boolean(account.password || account.oidcSubject);
const passwordOrSubjectMessage = { message: 'укажите начальный пароль или идентификатор пользователя единого входа (oidcSubject)', path: ['password'] };

/** What the administrator sends over HTTP to create an account for a person of the registry. */
export const createPersonAccountBody = personAccountFields.refine(passwordOrSubject, passwordOrSubjectMessage);

/** The same on the bus, with the OpenID provider the gateway is configured with (the subject is unique per provider). */
export const createPersonAccountRequest = personAccountFields
  .extend({ oidcIssuer: z.string().url().nullish() })
  .refine(passwordOrSubject, passwordOrSubjectMessage)
  .refine((account) => !account.oidcSubject || account.oidcIssuer, {
    message: 'единый вход (OpenID Connect) не настроен: задайте начальный пароль',
    path: ['oidcSubject'],
  });

/** Roles and blocking; a blocked account cannot sign in and its sessions end. */
export const updateAccountChanges = z
  .object({ roles: accountRoles, active: z.boolean() })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'не указано, что изменить (roles, active)');

export const updateAccountRequest = z.object({ id: uuid, changes: updateAccountChanges });

/** A new password set by the administrator: the account's sessions end and a lock after wrong passwords is lifted. */
export const resetPasswordBody = z.object({ password });
export const resetPasswordRequest = resetPasswordBody.extend({ id: uuid });

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

/** An account as the administrator's list shows it: how it signs in, and its organization's name. */
export interface AccountSummaryDto extends AccountDto {
  hasPassword: boolean;
  oidcLinked: boolean;
  organizationName: string | null;
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
  /** The administrator's screen «Учётные записи»: the organizations service checks the role again with the data. */
  list: actedRoute<typeof listAccountsRequest, Page<AccountSummaryDto>>('organizations.accounts.list', listAccountsRequest, ['admin']),
  createForPerson: actedRoute<typeof createPersonAccountRequest, AccountSummaryDto>('organizations.accounts.create-for-person', createPersonAccountRequest, ['admin']),
  update: actedRoute<typeof updateAccountRequest, AccountSummaryDto>('organizations.accounts.update', updateAccountRequest, ['admin']),
  resetPassword: actedRoute<typeof resetPasswordRequest, AccountSummaryDto>('organizations.accounts.reset-password', resetPasswordRequest, ['admin']),
  login: route<typeof loginRequest, SessionDto>('organizations.sessions.login', loginRequest),
  loginOidc: route<typeof oidcLoginRequest, SessionDto>('organizations.sessions.login-oidc', oidcLoginRequest),
  resolve: route<typeof sessionRequest, ResolvedSessionDto>('organizations.sessions.resolve', sessionRequest),
  logout: route<typeof sessionRequest, { ended: boolean }>('organizations.sessions.logout', sessionRequest),
};

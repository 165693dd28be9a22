import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable, dropAuditLogTable } from '@eduplan/platform';

export class CreateAccountsSessionsAudit1765100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations.accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        login text NOT NULL,
        name text NOT NULL,
        email text,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0
          AND roles <@ ARRAY['editor','approver','signatory','registrar','analyst','admin','reporter']::text[]),
        organization_id uuid REFERENCES organizations.organizations(id),
        person_id uuid,
        password_hash text,
        oidc_issuer text,
        oidc_subject text,
        active boolean NOT NULL DEFAULT true,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Logins and e-mails are matched without regard to case, so «Ivanov» and «ivanov» are one account.
    await q.query(`CREATE UNIQUE INDEX accounts_login_key ON organizations.accounts (lower(login))`);
    await q.query(`CREATE UNIQUE INDEX accounts_email_key ON organizations.accounts (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX accounts_oidc_key ON organizations.accounts (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL`);
    await q.query(`
      CREATE TABLE organizations.sessions (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES organizations.accounts(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sessions_account_idx ON organizations.sessions (account_id)`);
    await createAuditLogTable(q, 'organizations');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditLogTable(q, 'organizations');
    await q.query(`DROP TABLE organizations.sessions`);
    await q.query(`DROP TABLE organizations.accounts`);
  }
}

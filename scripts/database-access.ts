import { loadConfig } from '@eduplan/platform';
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { Client } from 'pg';

/**
 * Makes sure DATABASE_URL's credentials are accepted (setup runs this before the migrations).
 *
 * Debian's own PostgreSQL asks for a password on 127.0.0.1 (scram-sha-256), while a role it creates has
 * none. When the URL names that local cluster and its role still has no password, setup (as root) gives
 * the role the URL's password through the `postgres` system user; it never replaces an existing password.
 * Anything else ends with one line saying what to set.
 */
const PASSWORD_REFUSED = '28P01';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function refusal(url: URL): Promise<{ code?: string; message: string } | null> {
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.href, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code, message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** psql as the `postgres` system user over the local socket (Debian's peer authentication). */
function asPostgres(sql: string, variables: Record<string, string>): string {
  const args = ['-u', 'postgres', '--', 'psql', '-qAtX', '-v', 'ON_ERROR_STOP=1'];
  for (const [name, value] of Object.entries(variables)) args.push('-v', `${name}=${value}`);
  return execFileSync('runuser', args, { input: sql, stdio: ['pipe', 'pipe', 'pipe'] }).toString().trim();
}

function canSetPassword(url: URL): boolean {
  return userInfo().uid === 0 && LOCAL_HOSTS.has(url.hostname) && (url.port || '5432') === '5432' && url.password !== '';
}

async function main(): Promise<void> {
  const url = new URL(loadConfig().DATABASE_URL);
  const shown = `${url.protocol}//${url.username}@${url.host}`;
  let refused = await refusal(url);
  if (refused?.code === PASSWORD_REFUSED && canSetPassword(url)) {
    const role = decodeURIComponent(url.username);
    const vars = { role, password: decodeURIComponent(url.password) };
    const hasPassword = asPostgres("SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = :'role'", vars);
    if (hasPassword === 'f') {
      asPostgres(`ALTER ROLE :"role" PASSWORD :'password'`, vars);
      console.log(`  PostgreSQL role ${role}: password set to the one in DATABASE_URL`);
      refused = await refusal(url);
    }
  }
  if (refused) {
    console.error(
      `setup: PostgreSQL refuses ${shown} (${refused.message}) — set DATABASE_URL to a role and password it accepts (README «Configuration»)`,
    );
    process.exit(1);
  }
}

void main();

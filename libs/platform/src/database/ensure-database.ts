import { Client } from 'pg';

/** Runs `work` on the server's `postgres` database with the name of the database the URL points at. */
async function onServerOf(url: string, work: (admin: Client, name: string) => Promise<void>): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name in DATABASE_URL: «${name}»`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await work(client, name);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it is missing (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string, { recreate = false } = {}): Promise<void> {
  await onServerOf(url, async (admin, name) => {
    if (recreate) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  });
}

/** Drops the database named in the URL, closing its connections: the end of a throw-away test database. */
export async function dropDatabase(url: string): Promise<void> {
  await onServerOf(url, async (admin, name) => void (await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
}

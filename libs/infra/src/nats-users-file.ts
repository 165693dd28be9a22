import { BUS_PRINCIPALS } from '@eduplan/contracts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateNatsUsers, type NatsUsers } from './nats-config';

/**
 * The principals' NATS passwords kept in a file only its owner reads (`.data/nats/users.json` for
 * `npm start`): made once, then read by setup (server configuration) and start (each service's own).
 * A principal added to the contracts later gets its password added.
 */
export function loadOrCreateNatsUsers(file: string): NatsUsers {
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<NatsUsers>) : {};
  const fresh = generateNatsUsers();
  const users = Object.fromEntries(BUS_PRINCIPALS.map((p) => [p, kept[p] ?? fresh[p]])) as NatsUsers;
  if (BUS_PRINCIPALS.some((p) => kept[p] === undefined)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
  }
  return users;
}

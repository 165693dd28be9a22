import { BUS_PRINCIPALS, type BusPrincipal } from '@eduplan/contracts';
import { loadConfig, type BaseConfig } from '@eduplan/platform';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateNatsUsers, natsClientEnv, type NatsUsers } from './nats-config';

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

/** Where `npm start` keeps this checkout's NATS passwords. */
export const natsUsersFile = (dataDir: string) => join(dataDir, 'nats', 'users.json');

/**
 * The configuration of a process an operator runs by hand on this machine (the command line, `npm start`'s
 * checks): its NATS user from the environment when set, otherwise `principal` with this checkout's password.
 */
export function localBusConfig(principal: BusPrincipal, config: BaseConfig = loadConfig()): BaseConfig {
  if (config.NATS_USER) return config;
  return { ...config, ...natsClientEnv(config.NATS_URL, loadOrCreateNatsUsers(natsUsersFile(config.DATA_DIR)), principal) };
}

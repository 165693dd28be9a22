import { BUS_PRINCIPALS } from '@eduplan/contracts';
import { loadOrCreateNatsUsers, natsServerConfig } from '@eduplan/infra';
import { loadConfig } from '@eduplan/platform';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Writes the NATS server configuration with a user per service and the permissions the contracts derive.
 *   (no arguments)        for `npm start`: .data/nats/nats.conf on the port of NATS_URL; prints «changed»
 *                         when the file differs from the one before (setup then reloads a running server)
 *   --deploy DIR          for deploy/compose.yaml: DIR/nats.conf listening on 0.0.0.0:4222 and DIR/<service>.env
 *                         with each service's NATS_USER and NATS_PASSWORD
 * Passwords are made once and kept in users.json beside the configuration (git-ignored, mode 600).
 */
function main(): void {
  const deployIndex = process.argv.indexOf('--deploy');
  if (deployIndex > 0) return writeDeploy(resolve(process.argv[deployIndex + 1] ?? 'deploy/nats'));
  const config = loadConfig();
  const dir = resolve(config.DATA_DIR, 'nats');
  const port = Number(new URL(config.NATS_URL.split(',')[0]).port || 4222);
  const text = natsServerConfig({
    host: '127.0.0.1',
    port,
    users: loadOrCreateNatsUsers(join(dir, 'users.json')),
    storeDir: join(dir, 'jetstream'),
    pidFile: join(dir, 'nats.pid'),
  });
  const file = join(dir, 'nats.conf');
  const changed = !existsSync(file) || readFileSync(file, 'utf8') !== text;
  if (changed) writeFileSync(file, text, { mode: 0o600 });
  console.log(changed ? 'changed' : 'unchanged');
}

function writeDeploy(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const users = loadOrCreateNatsUsers(join(dir, 'users.json'));
  writeFileSync(join(dir, 'nats.conf'), natsServerConfig({ host: '0.0.0.0', port: 4222, users, storeDir: '/data' }), { mode: 0o600 });
  for (const principal of BUS_PRINCIPALS) {
    writeFileSync(join(dir, `${principal}.env`), `NATS_USER=${principal}\nNATS_PASSWORD=${users[principal]}\n`, { mode: 0o600 });
  }
  console.log(`NATS configuration and service credentials written to ${dir}`);
}

main();

import {
  isPortOpen,
  localBusConfig,
  loadOrCreateNatsUsers,
  natsAccessProblem,
  natsUsersFile,
  natsClientEnv,
  SERVICE_NAMES,
  startServiceProcess,
  startTemporalDevServer,
  Supervisor,
} from '@eduplan/infra';
import { loadConfig, standaloneBusClient, SUPERVISOR_STATUS_FILE_ENV } from '@eduplan/platform';
import { join, resolve } from 'node:path';
import { firstAdministratorAdvice } from '../libs/cli/src/accounts/first-administrator';

const TEMPORAL_UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

/**
 * Starts local Temporal when it is not running, then every service, and restarts any of them that dies
 * (with backoff; restarts show on /health); Ctrl-C stops all of them.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const statusFile = resolve(config.DATA_DIR, 'supervisor.json');
  const supervisor = new Supervisor({ statusFile, log: (line) => console.error(`${new Date().toISOString()} ${line}`) });
  const natsUsers = loadOrCreateNatsUsers(natsUsersFile(config.DATA_DIR));
  const natsProblem = await natsAccessProblem(config.NATS_URL, 'cli', natsUsers.cli);
  if (natsProblem) {
    console.error(`could not start eduplan: ${natsProblem}`);
    process.exit(1);
  }
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping eduplan…');
    await supervisor.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const [host, port] = config.TEMPORAL_ADDRESS.split(':');
    if (!(await isPortOpen(Number(port), host))) {
      console.log(`starting Temporal dev server on ${config.TEMPORAL_ADDRESS} (workflows kept in .data/temporal.db)…`);
      await supervisor.add('temporal', () =>
        startTemporalDevServer({
          port: Number(port),
          dbFile: join(config.DATA_DIR, 'temporal.db'),
          uiPort: TEMPORAL_UI_PORT,
          logFile: join(config.DATA_DIR, 'logs', 'temporal.log'),
        }),
      );
    }
    for (const service of SERVICE_NAMES) {
      // Each service connects to NATS as itself, with the password setup made (scripts/nats-config.ts).
      const env = { ...natsClientEnv(config.NATS_URL, natsUsers, service), [SUPERVISOR_STATUS_FILE_ENV]: statusFile };
      await supervisor.add(service, () => startServiceProcess(service, env));
    }
  } catch (error) {
    console.error(`could not start eduplan: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
    return;
  }
  const gateway = `http://127.0.0.1:${config.GATEWAY_PORT}`;
  console.log(`
eduplan is running:
  web UI            ${gateway}/
  API (OpenAPI)     ${gateway}/api/docs
  health            ${gateway}/health
  Temporal UI       http://127.0.0.1:${TEMPORAL_UI_PORT}
A process that dies is restarted (see ${statusFile}). Ctrl-C stops everything.`);
  await adviseFirstAdministrator();
}

/** Says how to create the first administrator when there is none. */
async function adviseFirstAdministrator(): Promise<void> {
  const bus = standaloneBusClient(localBusConfig('cli'));
  try {
    const advice = await firstAdministratorAdvice(bus);
    if (advice) console.log(`\n${advice}`);
  } catch (error) {
    console.error(`could not check for an administrator account: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await bus.onApplicationShutdown();
  }
}

void main();

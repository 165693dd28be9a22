import {
  isPortOpen,
  loadOrCreateNatsUsers,
  ManagedProcess,
  natsClientEnv,
  SERVICE_NAMES,
  startServiceProcess,
  startTemporalDevServer,
} from '@eduplan/infra';
import { loadConfig } from '@eduplan/platform';
import { join } from 'node:path';

const TEMPORAL_UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

/** Starts local Temporal when it is not running, then every service; Ctrl-C stops all of them. */
async function main(): Promise<void> {
  const config = loadConfig();
  const natsUsers = loadOrCreateNatsUsers(join(config.DATA_DIR, 'nats', 'users.json'));
  const children: ManagedProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping eduplan…');
    for (const child of [...children].reverse()) await child.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const [host, port] = config.TEMPORAL_ADDRESS.split(':');
  if (!(await isPortOpen(Number(port), host))) {
    console.log(`starting Temporal dev server on ${config.TEMPORAL_ADDRESS} (workflows kept in .data/temporal.db)…`);
    children.push(
      await startTemporalDevServer({
        port: Number(port),
        dbFile: join(config.DATA_DIR, 'temporal.db'),
        uiPort: TEMPORAL_UI_PORT,
        logFile: join(config.DATA_DIR, 'logs', 'temporal.log'),
      }),
    );
  }
  try {
    for (const service of SERVICE_NAMES) {
      // Each service connects to NATS as itself, with the password setup made (scripts/nats-config.ts).
      children.push(await startServiceProcess(service, natsClientEnv(config.NATS_URL, natsUsers, service)));
    }
  } catch (error) {
    console.error(`could not start eduplan: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
  for (const child of children) {
    void child.exited.then((code) => {
      if (!stopping) console.error(`${child.options.name} exited with code ${code}; the others keep running`);
    });
  }
  const gateway = `http://127.0.0.1:${config.GATEWAY_PORT}`;
  console.log(`
eduplan is running:
  web UI            ${gateway}/
  API (OpenAPI)     ${gateway}/api/docs
  health            ${gateway}/health
  Temporal UI       http://127.0.0.1:${TEMPORAL_UI_PORT}
Ctrl-C stops everything.`);
}

void main();

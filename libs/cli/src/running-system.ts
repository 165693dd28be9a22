import { localBusConfig } from '@eduplan/infra';
import { BusClient, BusRequestError, standaloneBusClient } from '@eduplan/platform';

/**
 * Runs a command's requests against the running system, as the operator's command line (bus principal `cli`):
 * a refusal is printed in the service's words (with what to do when the system is not running) and gives exit
 * code 1; the connection is closed either way.
 */
export async function withRunningSystem(work: (bus: BusClient) => Promise<number>): Promise<number> {
  const bus = standaloneBusClient(localBusConfig('cli'));
  try {
    return await work(bus);
  } catch (error) {
    if (!(error instanceof BusRequestError)) throw error;
    const hint = error.payload.code === 'UNAVAILABLE' ? '\nСистема не запущена или недоступна: запустите её (npm start) и повторите команду.' : '';
    process.stderr.write(`${error.payload.message}${hint}\n`);
    return 1;
  } finally {
    await bus.onApplicationShutdown();
  }
}

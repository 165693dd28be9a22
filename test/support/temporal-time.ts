import { Connection } from '@temporalio/client';
import { InternalConnectionOptionsSymbol, type InternalConnectionOptions } from '@temporalio/client/lib/connection';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';

/**
 * The clock of a whole system started with the time-skipping test server (`E2eSystem.start(env, { timeSkipping: true })`):
 * workflow time stands still unless `skip` moves it; timers due on the way fire in order, each waiting for the
 * activities it starts.
 */
export class TemporalTime {
  private constructor(private readonly connection: Connection) {}

  static async connect(address: string): Promise<TemporalTime> {
    // How the SDK's TestWorkflowEnvironment reaches the test service; it offers no public way to attach to a running server.
    const options: InternalConnectionOptions = { address, [InternalConnectionOptionsSymbol]: { supportsTestService: true } };
    return new TemporalTime(await Connection.connect(options));
  }

  async now(): Promise<number> {
    const { time } = await this.service.getCurrentTime({});
    return tsToMs(time);
  }

  /** Moves workflow time on by `ms`, then holds it again. */
  async skip(ms: number): Promise<void> {
    await this.service.unlockTimeSkippingWithSleep({ duration: msToTs(ms) });
  }

  /** Moves workflow time on to `at` (an ISO timestamp or epoch ms), if it is not there yet. */
  async skipTo(at: string | number): Promise<void> {
    const target = typeof at === 'number' ? at : Date.parse(at);
    const now = await this.now();
    if (target > now) await this.skip(target - now);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  private get service() {
    if (!this.connection.testService) throw new Error('the Temporal server is not the time-skipping test server');
    return this.connection.testService;
  }
}

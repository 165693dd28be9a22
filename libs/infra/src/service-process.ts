import { join } from 'node:path';
import { ManagedProcess } from './managed-process';

export const SERVICE_NAMES = ['organizations', 'plans', 'reporting', 'documents', 'worker', 'notifications', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export const repoRoot = join(__dirname, '..', '..', '..');

/** Starts one service from its TypeScript sources; resolves once it says it is ready. */
export async function startServiceProcess(
  service: ServiceName,
  env: NodeJS.ProcessEnv,
  logFile?: string,
): Promise<ManagedProcess> {
  const child = new ManagedProcess({
    name: service,
    command: process.execPath,
    args: ['-r', '@swc-node/register', join(repoRoot, 'services', service, 'src', 'main.ts')],
    cwd: repoRoot,
    env: { NO_COLOR: '1', ...env },
    logFile,
  });
  try {
    // The worker bundles the workflow code with webpack before it is ready: over a minute on two busy cores.
    await child.waitForOutput(service === 'gateway' ? /listening on http/ : /ready on nats/, 180_000);
  } catch (error) {
    await child.stop(); // one that never got ready must not linger beside the next attempt
    throw error;
  }
  return child;
}

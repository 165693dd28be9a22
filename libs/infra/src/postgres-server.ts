import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from './ports';

/**
 * A throw-away PostgreSQL cluster of the machine's own PostgreSQL binaries, for tests that stop and
 * restart the database under a running service. As root it runs as the `postgres` user (initdb
 * refuses root).
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dataDir: string,
    private readonly binDir: string,
  ) {}

  static async start(port: number): Promise<PrivatePostgres> {
    const binDir = postgresBinDir();
    const dataDir = mkdtempSync(join(tmpdir(), 'eduplan-pg-'));
    if (userInfo().uid === 0) {
      chmodSync(dataDir, 0o700);
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
      chownSync(dataDir, id('-u'), id('-g'));
    }
    const server = new PrivatePostgres(port, dataDir, binDir);
    server.run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await server.resume();
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  /** Stops the server as an outage would: connections drop, the port closes. */
  pause(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  async resume(): Promise<void> {
    this.run('pg_ctl', ['-D', this.dataDir, '-w', '-l', join(this.dataDir, 'server.log'), '-o', `-p ${this.port} -k ${this.dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    await waitForPort(this.port, 'private PostgreSQL', 20_000);
  }

  stop(): void {
    try {
      this.pause();
    } finally {
      rmSync(this.dataDir, { recursive: true, force: true });
    }
  }

  private run(tool: string, args: string[]): void {
    const command = join(this.binDir, tool);
    if (userInfo().uid === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  return join(root, versions[0], 'bin');
}

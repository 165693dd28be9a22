/** One subcommand of `npm run -s eduplan -- <name> ...`; returns the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A failure the user can fix: printed as one line, exit code 2. */
export class CliUsageError extends Error {}

import { CliUsageError } from './command';

/** The whole of standard input without its final line break (`echo secret | …`, a here-string, a file): `--password-stdin`. */
export async function readPasswordFromStdin(prompt = 'Пароль (затем Ctrl-D): '): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!password) throw new CliUsageError('Пароль не получен на стандартном вводе (--password-stdin)');
  return password;
}

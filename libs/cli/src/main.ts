import { CliCommand, CliUsageError } from './command';
import { commands } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((c: CliCommand) => c.name === name);
  if (!command) {
    process.stderr.write(
      `Использование / usage:\n${commands.map((c) => `  eduplan ${c.usage}`).join('\n')}\n`,
    );
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Внутренняя ошибка / internal error: ${String(error)}\n`);
    process.exit(1);
  },
);

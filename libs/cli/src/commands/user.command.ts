import { AccountRoutes, ROLES, type Role } from '@eduplan/contracts';
import { CliCommand, CliUsageError } from '../command';
import { readPasswordFromStdin } from '../password-stdin';
import { withRunningSystem } from '../running-system';

const USAGE =
  'user add ЛОГИН --role РОЛЬ[,РОЛЬ…] [--password-stdin] [--organization ID] [--name «Ф. И. О.»] [--email АДРЕС]   ' +
  `создать учётную запись (роли: ${ROLES.join(', ')}; пароль читается из стандартного ввода)`;

/**
 * Creates an account through the organizations service (which owns accounts and their rules), so the
 * system must be running. The password comes on standard input, never on the command line where `ps`
 * and the shell history would show it.
 */
export const userCommand: CliCommand = {
  name: 'user',
  usage: USAGE,
  async run(args) {
    const options = parseOptions(args);
    const password = options.passwordStdin ? await readPasswordFromStdin() : null;
    return withRunningSystem(async (bus) => {
      const account = await bus.request(AccountRoutes.create, {
        login: options.login,
        name: options.name ?? options.login,
        email: options.email ?? null,
        roles: options.roles,
        organizationId: options.organizationId ?? null,
        password,
      });
      process.stdout.write(`Учётная запись «${account.login}» создана (${account.roles.join(', ')}), id ${account.id}\n`);
      return 0;
    });
  },
};

interface UserAddOptions {
  login: string;
  roles: Role[];
  passwordStdin: boolean;
  organizationId?: string;
  name?: string;
  email?: string;
}

function parseOptions(args: string[]): UserAddOptions {
  const [action, login, ...rest] = args;
  if (action !== 'add' || !login || login.startsWith('--')) throw new CliUsageError(`Использование: eduplan ${USAGE}`);
  const options: UserAddOptions = { login, roles: [], passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i];
    if (name === '--password-stdin') {
      options.passwordStdin = true;
      continue;
    }
    const value = rest[++i];
    if (value === undefined) throw new CliUsageError(`Не указано значение ${name}. Использование: eduplan ${USAGE}`);
    if (name === '--role') options.roles.push(...value.split(',').map(role));
    else if (name === '--organization') options.organizationId = value;
    else if (name === '--name') options.name = value;
    else if (name === '--email') options.email = value;
    else throw new CliUsageError(`Неизвестный параметр ${name}. Использование: eduplan ${USAGE}`);
  }
  if (options.roles.length === 0) throw new CliUsageError(`Укажите роль: --role ${ROLES.join('|')}`);
  return options;
}

function role(value: string): Role {
  const trimmed = value.trim();
  if (!(ROLES as readonly string[]).includes(trimmed)) throw new CliUsageError(`Неизвестная роль «${trimmed}»: допустимы ${ROLES.join(', ')}`);
  return trimmed as Role;
}

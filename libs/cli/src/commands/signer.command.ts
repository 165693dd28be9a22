import { DocumentRoutes, PeopleRoutes, signatureName, uuid } from '@eduplan/contracts';
import { readFile } from 'node:fs/promises';
import { CliCommand, CliUsageError } from '../command';
import { readPasswordFromStdin } from '../password-stdin';
import { withRunningSystem } from '../running-system';

const USAGE =
  'signer add --person ID --pkcs12 ФАЙЛ.p12 [--password-stdin]   зарегистрировать сертификат электронной подписи сотрудника реестра ' +
  '(пароль контейнера читается из стандартного ввода; без него контейнер должен открываться паролем CERTIFICATE_PASSWORD)';

/**
 * Ties a signing certificate (a PKCS#12 container) to a person of the registry, who then signs the orders naming
 * them. The person is looked up in the organizations service first (known and still employed); the documents
 * service opens the container, checks that a trusted authority issued it, keeps it under its own password and
 * records the registration in its audit log. The system must be running.
 */
export const signerCommand: CliCommand = {
  name: 'signer',
  usage: USAGE,
  async run(args) {
    const options = parseOptions(args);
    const pkcs12 = await readFile(options.pkcs12).catch((error: NodeJS.ErrnoException) => {
      throw new CliUsageError(`Не удалось прочитать контейнер ${options.pkcs12}: ${error.code === 'ENOENT' ? 'файла нет' : error.message}`);
    });
    const password = options.passwordStdin ? await readPasswordFromStdin('Пароль контейнера (затем Ctrl-D): ') : null;
    return withRunningSystem(async (bus) => {
      const person = await bus.request(PeopleRoutes.get, { id: options.personId });
      if (!person.active) {
        process.stderr.write(`${person.fullName} больше не работает в организации: сертификат не зарегистрирован\n`);
        return 1;
      }
      const signer = await bus.request(DocumentRoutes.registerSigner, { personId: person.id, pkcs12Base64: pkcs12.toString('base64'), password });
      const until = new Date(signer.validTo).toLocaleDateString('ru-RU', { timeZone: 'Europe/Moscow' });
      process.stdout.write(`Сертификат «${signer.displayName}» (${signer.algorithm}, действует до ${until}) зарегистрирован: подписывает ${signatureName(person.fullName)}, сотрудник ${person.id}\n`);
      if (signer.displayName.trim().toLowerCase() !== person.fullName.trim().toLowerCase()) {
        process.stderr.write(`Внимание: владелец сертификата «${signer.displayName}» не совпадает с ФИО сотрудника «${person.fullName}»\n`);
      }
      return 0;
    });
  },
};

interface SignerAddOptions {
  personId: string;
  pkcs12: string;
  passwordStdin: boolean;
}

function parseOptions(args: string[]): SignerAddOptions {
  const [action, ...rest] = args;
  if (action !== 'add') throw new CliUsageError(`Использование: eduplan ${USAGE}`);
  const values = new Map<string, string>();
  let passwordStdin = false;
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i];
    if (name === '--password-stdin') {
      passwordStdin = true;
      continue;
    }
    const value = rest[++i];
    if (!['--person', '--pkcs12'].includes(name)) throw new CliUsageError(`Неизвестный параметр ${name}. Использование: eduplan ${USAGE}`);
    if (value === undefined) throw new CliUsageError(`Не указано значение ${name}. Использование: eduplan ${USAGE}`);
    values.set(name, value);
  }
  const personId = values.get('--person');
  const pkcs12 = values.get('--pkcs12');
  if (!personId || !pkcs12) throw new CliUsageError(`Укажите сотрудника (--person ID) и контейнер (--pkcs12 ФАЙЛ). Использование: eduplan ${USAGE}`);
  if (!uuid.safeParse(personId).success) throw new CliUsageError(`--person: «${personId}» не идентификатор сотрудника (UUID из реестра, GET /api/organizations/:id/people)`);
  return { personId, pkcs12, passwordStdin };
}

import { resolve } from 'node:path';
import { createDevCertificates, DEV_CERTIFICATE_PASSWORD, DevCertificates } from '@eduplan/signing';
import { CliCommand, CliUsageError } from '../command';

/** Issues the development CA and signing certificates (RSA and ГОСТ) into a directory. */
export const certificatesCommand: CliCommand = {
  name: 'certificates',
  usage: `certificates --out DIR [--password ПАРОЛЬ]   тестовые сертификаты ЭП (по умолчанию пароль ${DEV_CERTIFICATE_PASSWORD})`,
  async run(args) {
    const options = parseOptions(args);
    const result = await createDevCertificates(resolve(options.out), { password: options.password });
    process.stdout.write(summary(result));
    return 0;
  },
};

function parseOptions(args: string[]): { out: string; password?: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (!['--out', '--password'].includes(name) || value === undefined) {
      throw new CliUsageError(`Неизвестный или неполный параметр: ${name}. Использование: eduplan ${certificatesCommand.usage}`);
    }
    values.set(name, value);
  }
  const out = values.get('--out');
  if (!out) throw new CliUsageError(`Не указан каталог --out. Использование: eduplan ${certificatesCommand.usage}`);
  return { out, password: values.get('--password') };
}

function summary(result: DevCertificates): string {
  const lines = [
    `Тестовые сертификаты в ${result.dir}: создано файлов ${result.created.length}, существующие сохранены.`,
    `  УЦ RSA: ${result.authorities.RSA.certificate}`,
    `  УЦ ГОСТ: ${result.authorities.GOST.certificate}`,
    ...result.people.map((person) => `  ${person.owner}: ${person.files.RSA.pkcs12}, ${person.files.GOST.pkcs12}`),
  ];
  return `${lines.join('\n')}\n`;
}

import type { SignerDto } from '@eduplan/contracts';
import { databaseOptions } from '@eduplan/platform';
import type { DevCertificates } from '@eduplan/signing';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { database } from './database';
import { SignerRegistry } from './signer-registry';

/**
 * Registers the development people's RSA keys as signers, under their user ids. Run by the dev-certificates step
 * of setup (and the end-to-end harness) after migrations; signing then finds them by record, not by file name.
 */
export async function registerDevSigners(databaseUrl: string, certificates: DevCertificates): Promise<SignerDto[]> {
  const dataSource = await new DataSource(databaseOptions(database, databaseUrl)).initialize();
  try {
    const registry = new SignerRegistry(dataSource);
    const trustedRoots = await Promise.all(Object.values(certificates.authorities).map((files) => readFile(files.certificate, 'utf8')));
    const registered: SignerDto[] = [];
    for (const person of certificates.people) {
      const container = await readFile(person.files.RSA.pkcs12 as string);
      registered.push(await registry.register(person.id, container, { password: certificates.password, trustedRoots }));
    }
    return registered;
  } finally {
    await dataSource.destroy();
  }
}

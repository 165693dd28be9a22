import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Person, SignerCheckDto, SignerDto } from '@eduplan/contracts';
import { DomainException, type AuditActor } from '@eduplan/platform';
import {
  certificateChainsToTrustedRoot,
  certificateFingerprint,
  describeCertificate,
  exportPkcs12,
  loadPkcs12,
  SigningError,
  type SigningCredentials,
} from '@eduplan/signing';
import { DataSource } from 'typeorm';
import { documentsAudit } from './documents-audit';
import { SignerEntity } from './signer.entity';

const russianDate = (date: Date) => new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(date);

/** How a container is opened and stored: the service's own password, and the roots a certificate must chain to. */
export interface SignerOpening {
  /** The service's certificate password: every stored container opens with it. */
  password: string;
  /** The container's own password when it differs; the container is then sealed again under `password`. */
  containerPassword?: string | null;
  trustedRoots: string[];
}

/**
 * Who may sign, with what key: people of the registry, by person id. An order's signatory is found by the
 * person id the order names; the id is never turned into a file name, so a hostile id can only fail to match.
 */
@Injectable()
export class SignerRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Opens the container (so a bad password is refused now, not at signing), refuses a certificate no trusted
   * authority issued, and records it for the person with an audit entry naming who registered it; a re-issue
   * replaces the record (the entry keeps the certificate it replaced).
   */
  async register(personId: string, pkcs12: Buffer, opening: SignerOpening, actor: AuditActor): Promise<SignerDto> {
    const credentials = await this.open(pkcs12, opening.containerPassword ?? opening.password, `подписанта ${personId}`);
    const certificate = describeCertificate(credentials.certificatePem);
    const displayName = certificate.subject.commonName ?? certificate.subject.text;
    // Only the chain is judged here, at the moment of its validity nearest to now; whether it is valid on a signing day is asked then.
    const at = new Date(Math.min(Math.max(Date.now(), Date.parse(certificate.validFrom)), Date.parse(certificate.validTo)));
    if (!(await certificateChainsToTrustedRoot(credentials.certificatePem, credentials.chainPem, opening.trustedRoots, at))) {
      throw new DomainException(
        'VALIDATION',
        `Сертификат «${displayName}» (издатель: ${certificate.issuer.text}) не выдан доверенным удостоверяющим центром: ` +
          'подписанта можно зарегистрировать только с сертификатом, корневой сертификат которого указан в TRUSTED_ROOTS',
      );
    }
    const sealed =
      opening.containerPassword && opening.containerPassword !== opening.password
        ? await exportPkcs12(credentials, credentials.chainPem, opening.password, displayName)
        : pkcs12;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SignerEntity);
      const before = await repository.findOne({ where: { personId }, lock: { mode: 'pessimistic_write' } });
      const signer = repository.create({
        personId,
        displayName,
        algorithm: credentials.algorithm,
        certificatePem: credentials.certificatePem,
        pkcs12: sealed,
        fingerprint: certificateFingerprint(credentials.certificatePem),
        validFrom: new Date(certificate.validFrom),
        validTo: new Date(certificate.validTo),
      });
      await repository.upsert(signer, ['personId']);
      const after = signer.toDto();
      await documentsAudit.append(manager, {
        actor,
        action: 'signer.register',
        objectType: 'signer',
        objectId: personId,
        before: before?.toDto() ?? null,
        after,
      });
      return after;
    });
  }

  async check(personId: string, on: string): Promise<SignerCheckDto> {
    const signer = await this.find(personId);
    const reason = signer
      ? this.validityProblem(signer, new Date(`${on}T00:00:00Z`), new Date(`${on}T23:59:59.999Z`))
      : this.notRegistered(personId);
    return { canSign: reason === null, reason };
  }

  /** The signatory's key, refused with what to do when they are not registered or their certificate is not valid `at` that moment. */
  async credentials(person: Person, at: Date, password: string): Promise<SigningCredentials> {
    const signer = await this.find(person.personId);
    if (!signer) throw new DomainException('VALIDATION', this.notRegistered(person.personId, person.name));
    const problem = this.validityProblem(signer, at, at);
    if (problem) throw new DomainException('VALIDATION', problem);
    const { pkcs12 } = await this.dataSource
      .getRepository(SignerEntity)
      .createQueryBuilder('s')
      .addSelect('s.pkcs12')
      .where('s.person_id = :personId', { personId: signer.personId })
      .getOneOrFail();
    try {
      return await loadPkcs12(pkcs12, password, `подписанта ${signer.displayName}`);
    } catch (error) {
      // A stored container that no longer opens (a changed password, a damaged copy) fails the same way on every retry.
      if (error instanceof SigningError) {
        throw new DomainException('VALIDATION', `${error.message}: зарегистрируйте сертификат подписанта заново, затем повторите подписание`);
      }
      throw error;
    }
  }

  private async open(pkcs12: Buffer, password: string, label: string): Promise<SigningCredentials> {
    try {
      return await loadPkcs12(pkcs12, password, label);
    } catch (error) {
      if (error instanceof SigningError) throw new DomainException('VALIDATION', error.message);
      throw error;
    }
  }

  private find(personId: string): Promise<SignerEntity | null> {
    return this.dataSource.getRepository(SignerEntity).findOneBy({ personId });
  }

  private notRegistered(personId: string, name?: string): string {
    const who = name ? `${name} (сотрудник ${personId})` : `сотрудника ${personId}`;
    return (
      `Нет зарегистрированного сертификата электронной подписи для ${who}: зарегистрируйте сертификат подписанта ` +
      `(npm run -s eduplan -- signer add --person ${personId} --pkcs12 ФАЙЛ --password-stdin) или укажите в приказе другого подписанта`
    );
  }

  /** Null when the certificate is valid at some moment between `from` and `to` (a day for the pre-check, one instant for signing). */
  private validityProblem(signer: SignerEntity, from: Date, to: Date): string | null {
    if (signer.validFrom > to) {
      return `Сертификат электронной подписи ${signer.displayName} действует только с ${russianDate(signer.validFrom)}: подписать раньше нельзя`;
    }
    if (signer.validTo < from) {
      return `Срок действия сертификата электронной подписи ${signer.displayName} истёк ${russianDate(signer.validTo)}: зарегистрируйте новый сертификат подписанта`;
    }
    return null;
  }
}

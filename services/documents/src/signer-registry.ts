import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Person, SignerCheckDto, SignerDto } from '@eduplan/contracts';
import { DomainException } from '@eduplan/platform';
import { certificateChainsToTrustedRoot, certificateFingerprint, describeCertificate, loadPkcs12, SigningError, type SigningCredentials } from '@eduplan/signing';
import { DataSource } from 'typeorm';
import { SignerEntity } from './signer.entity';

const russianDate = (date: Date) => new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(date);

/**
 * Who may sign, with what key. A signatory is found by their user id as a key of this table; the id is never
 * turned into a file name, so a hostile id can only fail to match.
 */
@Injectable()
export class SignerRegistry {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Opens the container with `password` (so a bad one is refused now, not at signing), refuses a certificate no
   * trusted authority issued, and records it; a re-issue replaces the record.
   */
  async register(userId: string, pkcs12: Buffer, opening: { password: string; trustedRoots: string[] }): Promise<SignerDto> {
    const { password, trustedRoots } = opening;
    let credentials: SigningCredentials;
    try {
      credentials = await loadPkcs12(pkcs12, password, `подписанта ${userId}`);
    } catch (error) {
      if (error instanceof SigningError) throw new DomainException('VALIDATION', error.message);
      throw error;
    }
    const certificate = describeCertificate(credentials.certificatePem);
    // Only the chain is judged here, at the moment of its validity nearest to now; whether it is valid on a signing day is asked then.
    const at = new Date(Math.min(Math.max(Date.now(), Date.parse(certificate.validFrom)), Date.parse(certificate.validTo)));
    if (!(await certificateChainsToTrustedRoot(credentials.certificatePem, credentials.chainPem, trustedRoots, at))) {
      throw new DomainException(
        'VALIDATION',
        `Сертификат «${certificate.subject.commonName ?? certificate.subject.text}» (издатель: ${certificate.issuer.text}) не выдан доверенным удостоверяющим центром: ` +
          'подписанта можно зарегистрировать только с сертификатом, корневой сертификат которого указан в TRUSTED_ROOTS',
      );
    }
    const signer = this.dataSource.getRepository(SignerEntity).create({
      userId,
      displayName: certificate.subject.commonName ?? certificate.subject.text,
      algorithm: credentials.algorithm,
      certificatePem: credentials.certificatePem,
      pkcs12,
      fingerprint: certificateFingerprint(credentials.certificatePem),
      validFrom: new Date(certificate.validFrom),
      validTo: new Date(certificate.validTo),
    });
    await this.dataSource.getRepository(SignerEntity).upsert(signer, ['userId']);
    return signer.toDto();
  }

  async check(userId: string, on: string): Promise<SignerCheckDto> {
    const signer = await this.find(userId);
    const reason = signer
      ? this.validityProblem(signer, new Date(`${on}T00:00:00Z`), new Date(`${on}T23:59:59.999Z`))
      : this.notRegistered(userId);
    return { canSign: reason === null, reason };
  }

  /** The signatory's key, refused with what to do when they are not registered or their certificate is not valid `at` that moment. */
  async credentials(person: Person, at: Date, password: string): Promise<SigningCredentials> {
    const signer = await this.find(person.userId);
    if (!signer) throw new DomainException('VALIDATION', this.notRegistered(person.userId, person.name));
    const problem = this.validityProblem(signer, at, at);
    if (problem) throw new DomainException('VALIDATION', problem);
    const { pkcs12 } = await this.dataSource
      .getRepository(SignerEntity)
      .createQueryBuilder('s')
      .addSelect('s.pkcs12')
      .where('s.user_id = :userId', { userId: signer.userId })
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

  private find(userId: string): Promise<SignerEntity | null> {
    return this.dataSource.getRepository(SignerEntity).findOneBy({ userId });
  }

  private notRegistered(userId: string, name?: string): string {
    const who = name ? `${name} (пользователь «${userId}»)` : `пользователя «${userId}»`;
    return `Нет зарегистрированного сертификата электронной подписи для ${who}: зарегистрируйте сертификат подписанта (в разработке: npm run dev-certificates) или укажите в приказе другого подписанта`;
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

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SignerDto } from '@eduplan/contracts';
import type { SignatureAlgorithm } from '@eduplan/signing';

/** A person of the registry who may sign: their certificate and key container, found by person id, never by a file path. */
@Entity({ name: 'signers' })
export class SignerEntity {
  @PrimaryColumn('uuid', { name: 'person_id' }) personId!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text') algorithm!: SignatureAlgorithm;
  @Column('text', { name: 'certificate_pem' }) certificatePem!: string;
  @Column('bytea', { select: false }) pkcs12!: Buffer;
  @Column('char', { length: 64 }) fingerprint!: string;
  @Column('timestamptz', { name: 'valid_from' }) validFrom!: Date;
  @Column('timestamptz', { name: 'valid_to' }) validTo!: Date;
  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' }) registeredAt!: Date;

  toDto(): SignerDto {
    return {
      personId: this.personId,
      displayName: this.displayName,
      algorithm: this.algorithm,
      fingerprint: this.fingerprint,
      validFrom: this.validFrom.toISOString(),
      validTo: this.validTo.toISOString(),
    };
  }
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AccountDto, Actor, Role } from '@eduplan/contracts';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') login!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { array: true }) roles!: Role[];
  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId!: string | null;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  /** argon2id PHC string; null for an account that signs in only through OIDC. */
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash!: string | null;
  @Column('text', { name: 'oidc_issuer', nullable: true }) oidcIssuer!: string | null;
  @Column('text', { name: 'oidc_subject', nullable: true }) oidcSubject!: string | null;
  @Column('boolean') active!: boolean;
  @Column('integer', { name: 'failed_attempts' }) failedAttempts!: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;

  toDto(): AccountDto {
    return {
      id: this.id,
      login: this.login,
      name: this.name,
      email: this.email,
      roles: this.roles,
      organizationId: this.organizationId,
      personId: this.personId,
      active: this.active,
      createdAt: this.createdAt.toISOString(),
    };
  }

  toActor(): Actor {
    return { accountId: this.id, login: this.login, name: this.name, roles: this.roles, organizationId: this.organizationId, personId: this.personId };
  }
}

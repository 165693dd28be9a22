import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A server-side session. The cookie holds the token; only its SHA-256 is stored, so a copy of the table signs nobody in. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}

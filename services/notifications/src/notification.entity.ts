import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationDto, NotificationKind } from '@eduplan/contracts';

export type EmailStatus = 'none' | 'pending' | 'sent' | 'failed';

@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'account_id' }) accountId!: string;
  @Column('uuid', { name: 'person_id', nullable: true }) personId!: string | null;
  @Column('text', { name: 'fact_key' }) factKey!: string;
  @Column('text') kind!: NotificationKind;
  @Column('text') title!: string;
  @Column('text') text!: string;
  @Column('text') link!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { name: 'email_status' }) emailStatus!: EmailStatus;
  @Column('integer', { name: 'email_attempts' }) emailAttempts!: number;
  @Column('timestamptz', { name: 'email_next_at', nullable: true }) emailNextAt!: Date | null;
  @Column('text', { name: 'email_error', nullable: true }) emailError!: string | null;

  toDto(): NotificationDto {
    const { id, kind, title, text, link } = this;
    return { id, kind, title, text, link, createdAt: this.createdAt.toISOString(), readAt: this.readAt?.toISOString() ?? null };
  }
}

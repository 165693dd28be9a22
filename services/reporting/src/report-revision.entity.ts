import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportItemDto, ReportRevisionDto } from '@eduplan/contracts';

/** A version of a submitted report, kept for good: the first submission and every correction (who, when, why). */
@Entity({ name: 'report_revisions' })
export class ReportRevisionEntity {
  @PrimaryColumn('uuid', { name: 'report_id' }) reportId!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('jsonb') items!: ReportItemDto[];
  @Column('timestamptz', { default: () => 'now()' }) at!: Date;
  @Column('uuid', { name: 'by_account_id', nullable: true }) byAccountId!: string | null;
  @Column('text', { name: 'by_login' }) byLogin!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  /** The key of the request that stored it: a retry with the same key is answered with this revision. */
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey!: string | null;

  toDto(): ReportRevisionDto {
    return { revision: this.revision, at: this.at.toISOString(), by: this.byLogin, reason: this.reason, items: this.items };
  }
}

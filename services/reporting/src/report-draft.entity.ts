import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportDraftDto, ReportItemInput } from '@eduplan/contracts';

/** What an organization's reporters saved of a report not yet sent; deleted when the report is submitted. */
@Entity({ name: 'report_drafts' })
export class ReportDraftEntity {
  @PrimaryColumn('uuid', { name: 'period_id' }) periodId!: string;
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('jsonb') items!: ReportItemInput[];
  @Column('timestamptz', { name: 'saved_at' }) savedAt!: Date;
  @Column('text', { name: 'saved_by' }) savedBy!: string;

  toDto(): ReportDraftDto {
    return { periodId: this.periodId, savedAt: this.savedAt.toISOString(), items: this.items };
  }
}

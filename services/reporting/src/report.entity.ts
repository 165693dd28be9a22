import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportDto, SubmitReportRequest } from '@eduplan/contracts';

/** A center's report for a period; its outcomes, one per event, are rows of `reporting.report_items`. */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'period_id' }) periodId!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('timestamptz', { name: 'submitted_at', default: () => 'now()' }) submittedAt!: Date;

  toDto(items: SubmitReportRequest['items']): ReportDto {
    return {
      id: this.id,
      periodId: this.periodId,
      organizationId: this.organizationId,
      submittedAt: this.submittedAt.toISOString(),
      items,
    };
  }
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportDto, SubmitReportRequest } from '@eduplan/contracts';

@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'period_id' }) periodId!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('jsonb') items!: SubmitReportRequest['items'];
  @Column('timestamptz', { name: 'submitted_at', default: () => 'now()' }) submittedAt!: Date;

  toDto(): ReportDto {
    return {
      id: this.id,
      periodId: this.periodId,
      organizationId: this.organizationId,
      submittedAt: this.submittedAt.toISOString(),
      items: this.items,
    };
  }
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportDto, ReportItemDto } from '@eduplan/contracts';

/**
 * A submitted report, as its latest revision has it; its outcomes, one per event, are rows of `reporting.report_items`
 * (drafts live in `report_drafts`, so nothing here is a draft).
 */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'period_id' }) periodId!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('timestamptz', { name: 'submitted_at', default: () => 'now()' }) submittedAt!: Date;
  @Column('boolean') late!: boolean;
  @Column('int', { name: 'days_late' }) daysLate!: number;
  @Column('int') revision!: number;
  @Column('timestamptz', { name: 'corrected_at', nullable: true }) correctedAt!: Date | null;

  toDto(items: ReportItemDto[]): ReportDto {
    return {
      id: this.id,
      periodId: this.periodId,
      organizationId: this.organizationId,
      submittedAt: this.submittedAt.toISOString(),
      late: this.late,
      daysLate: this.daysLate,
      revision: this.revision,
      correctedAt: this.correctedAt?.toISOString() ?? null,
      items,
    };
  }
}

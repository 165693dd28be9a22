import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportDto, ReportItemDto } from '@eduplan/contracts';

/** A submitted report, as its latest revision has it (drafts live in `report_drafts`, so nothing here is a draft). */
@Entity({ name: 'reports' })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'period_id' }) periodId!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('jsonb') items!: ReportItemDto[];
  @Column('timestamptz', { name: 'submitted_at', default: () => 'now()' }) submittedAt!: Date;
  @Column('boolean') late!: boolean;
  @Column('int', { name: 'days_late' }) daysLate!: number;
  @Column('int') revision!: number;
  @Column('timestamptz', { name: 'corrected_at', nullable: true }) correctedAt!: Date | null;

  toDto(): ReportDto {
    return {
      id: this.id,
      periodId: this.periodId,
      organizationId: this.organizationId,
      submittedAt: this.submittedAt.toISOString(),
      late: this.late,
      daysLate: this.daysLate,
      revision: this.revision,
      correctedAt: this.correctedAt?.toISOString() ?? null,
      items: this.items,
    };
  }
}

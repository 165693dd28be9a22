import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanDto, PlanStatus } from '@eduplan/contracts';
import type { ImportedDocument } from '@eduplan/domain';
import { SectionEntity } from './section.entity';

@Entity({ name: 'plans' })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId!: string;
  @Column('date', { name: 'period_start' }) periodStart!: string;
  @Column('date', { name: 'period_end' }) periodEnd!: string;
  @Column('int') version!: number;
  /** The order around the plan as the imported document had it; null for a plan typed in. */
  @Column('jsonb', { name: 'source_document', nullable: true }) sourceDocument!: ImportedDocument | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @OneToMany(() => SectionEntity, (s) => s.plan, { cascade: ['insert'] }) sections!: SectionEntity[];

  toDto(status: PlanStatus): PlanDto {
    return {
      id: this.id,
      title: this.title,
      issuerId: this.issuerId,
      period: { start: this.periodStart, end: this.periodEnd },
      version: this.version,
      status,
      createdAt: this.createdAt.toISOString(),
      sections: [...this.sections].sort((a, b) => a.position - b.position).map((s) => s.toDto()),
    };
  }
}

import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PlanSnapshot, PlanStatus, PlanVersionDto } from '@eduplan/contracts';

/** The whole plan as it was after one edit; rows are never changed. */
@Entity({ name: 'plan_versions' })
export class PlanVersionEntity {
  @PrimaryColumn('uuid', { name: 'plan_id' }) planId!: string;
  @PrimaryColumn('int') version!: number;
  @Column('text') status!: PlanStatus;
  @Column('jsonb') snapshot!: PlanSnapshot;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): PlanVersionDto {
    return { version: this.version, status: this.status, createdAt: this.createdAt.toISOString() };
  }
}

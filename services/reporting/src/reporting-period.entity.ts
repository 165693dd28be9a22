import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'periods' })
export class ReportingPeriodEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'order_id' }) orderId!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('int') year!: number;
  @Column('int') quarter!: number;
  @Column('date') start!: string;
  @Column('date') end!: string;
  @Column('date') deadline!: string;
  @Column('text') status!: 'open' | 'closed';
  /** Which organization owes a report on which events. */
  @Column('jsonb') expected!: { organizationId: string; eventIds: string[] }[];
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A quarter of an order's monitoring; who owes what is in rows beside it (period_organizations, period_obligations). */
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
  /** The ministry whose order opened it; null on periods opened before it was recorded. */
  @Column('uuid', { name: 'issuer_id', nullable: true }) issuerId!: string | null;
  @Column('text', { name: 'plan_title', nullable: true }) planTitle!: string | null;
  /** Set when the deadline was counted without the decree of its year. */
  @Column('text', { name: 'calendar_warning', nullable: true }) calendarWarning!: string | null;
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}

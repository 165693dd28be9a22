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
  /** The ministry whose order opened it; null on periods opened before it was recorded. */
  @Column('uuid', { name: 'issuer_id', nullable: true }) issuerId!: string | null;
  @Column('text', { name: 'plan_title', nullable: true }) planTitle!: string | null;
  /** The due events as the plan had them when the period opened, for the reporters' list. */
  @Column('jsonb', { nullable: true }) events!: { id: string; number: string | null; title: string }[] | null;
  /** Set when the deadline was counted without the decree of its year. */
  @Column('text', { name: 'calendar_warning', nullable: true }) calendarWarning!: string | null;
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}

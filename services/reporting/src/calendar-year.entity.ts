import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year of the production calendar as an administrator stored it: it replaces the built-in decree of that year. */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn('int') year!: number;
  /** The decree's number and date. */
  @Column('text') source!: string;
  @Column('jsonb') transfers!: { from: string; to: string }[];
  @Column('jsonb', { name: 'regional_holidays' }) regionalHolidays!: { issuerId: string; date: string; title: string }[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('text', { name: 'updated_by' }) updatedBy!: string;
}

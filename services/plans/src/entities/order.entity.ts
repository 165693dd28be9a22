import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ORDER_KINDS, OrderDto, OrderStatus, Person } from '@eduplan/contracts';

@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'plan_id' }) planId!: string;
  @Column('uuid', { name: 'issuer_id' }) issuerId!: string;
  @Column('text') kind!: (typeof ORDER_KINDS)[number];
  @Column('text') title!: string;
  @Column('text', { nullable: true }) place!: string | null;
  @Column('text', { nullable: true }) basis!: string | null;
  /** The numbered points of the order's text, in order. */
  @Column('jsonb') points!: string[];
  @Column('jsonb') signatory!: Person;
  @Column('text') status!: OrderStatus;
  @Column('text', { name: 'registration_number', nullable: true }) registrationNumber!: string | null;
  @Column('date', { name: 'registered_on', nullable: true }) registeredOn!: string | null;
  /** The approvers the active stage still waits on, as the workflow last reported (report number `awaitingSeq`). */
  @Column('uuid', { name: 'awaiting_approver_ids', array: true, default: () => `'{}'` }) awaitingApproverIds!: string[];
  @Column('text', { name: 'awaiting_stage', nullable: true }) awaitingStage!: string | null;
  @Column('int', { name: 'awaiting_seq', default: 0 }) awaitingSeq!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): OrderDto {
    return {
      id: this.id,
      planId: this.planId,
      issuerId: this.issuerId,
      kind: this.kind,
      title: this.title,
      place: this.place,
      basis: this.basis,
      points: this.points,
      signatory: this.signatory,
      status: this.status,
      registrationNumber: this.registrationNumber,
      registeredOn: this.registeredOn,
      createdAt: this.createdAt.toISOString(),
    };
  }
}

import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { SectionDto } from '@eduplan/contracts';
import { PlanEntity } from './plan.entity';
import { PlanEventEntity } from './plan-event.entity';

@Entity({ name: 'sections' })
export class SectionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => PlanEntity, (p) => p.sections, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan!: PlanEntity;
  @Column('int') position!: number;
  @Column('text', { nullable: true }) number!: string | null;
  @Column('text') title!: string;
  @Column('int', { name: 'direction_code', nullable: true }) directionCode!: number | null;
  @OneToMany(() => PlanEventEntity, (e) => e.section, { cascade: ['insert'] }) events!: PlanEventEntity[];

  toDto(): SectionDto {
    return {
      id: this.id,
      number: this.number,
      title: this.title,
      directionCode: this.directionCode,
      events: [...this.events].sort((a, b) => a.position - b.position).map((e) => e.toDto()),
    };
  }
}

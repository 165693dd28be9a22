import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EventSubRowDto, PlanEventDto } from '@eduplan/contracts';
import type { Schedule } from '@eduplan/domain';
import { SectionEntity } from './section.entity';

@Entity({ name: 'events' })
export class PlanEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @ManyToOne(() => SectionEntity, (s) => s.events, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section!: SectionEntity;
  @Column('int') position!: number;
  @Column('text', { nullable: true }) number!: string | null;
  @Column('text') title!: string;
  @Column('text', { nullable: true }) content!: string | null;
  @Column('text', { nullable: true }) audience!: string | null;
  @Column('jsonb') deadline!: Schedule;
  @Column('jsonb') responsible!: PlanEventDto['responsible'];
  @Column('text', { name: 'expected_result', nullable: true }) expectedResult!: string | null;
  @Column('jsonb', { name: 'sub_rows' }) subRows!: EventSubRowDto[];

  toDto(): PlanEventDto {
    return {
      id: this.id,
      number: this.number,
      title: this.title,
      content: this.content,
      audience: this.audience,
      deadline: this.deadline,
      responsible: this.responsible,
      expectedResult: this.expectedResult,
      subRows: this.subRows,
    };
  }
}

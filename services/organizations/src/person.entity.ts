import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PersonDto, Position, SubstitutionDto } from '@eduplan/contracts';

@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('text', { name: 'full_name' }) fullName!: string;
  @Column('text') position!: Position;
  @Column('text', { name: 'position_title', nullable: true }) positionTitle!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): PersonDto {
    const { id, organizationId, fullName, position, positionTitle, email, phone, active } = this;
    return { id, organizationId, fullName, position, positionTitle, email, phone, active };
  }
}

@Entity({ name: 'substitutions' })
export class SubstitutionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'person_id' }) personId!: string;
  @Column('uuid', { name: 'substitute_id' }) substituteId!: string;
  // `date` columns as the YYYY-MM-DD text they hold, never shifted by a time zone.
  @Column('date', { name: 'date_from' }) from!: string;
  @Column('date', { name: 'date_to' }) to!: string;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('boolean', { default: false }) cancelled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): SubstitutionDto {
    const { id, personId, substituteId, from, to, reason, cancelled } = this;
    return { id, personId, substituteId, from, to, reason, cancelled };
  }
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CENTER_TYPES, ORGANIZATION_KINDS, OrganizationDto } from '@eduplan/contracts';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'short_name', nullable: true }) shortName!: string | null;
  @Column('text') kind!: (typeof ORGANIZATION_KINDS)[number];
  @Column('text', { name: 'center_type', nullable: true }) centerType!: (typeof CENTER_TYPES)[number] | null;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;

  toDto(): OrganizationDto {
    return {
      id: this.id,
      name: this.name,
      shortName: this.shortName,
      kind: this.kind,
      centerType: this.centerType,
      parentId: this.parentId,
      timeZone: this.timeZone,
      createdAt: this.createdAt.toISOString(),
    };
  }
}

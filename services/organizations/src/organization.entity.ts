import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CenterType, OrganizationDto, OrganizationKind } from '@eduplan/contracts';

@Entity({ name: 'organizations' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'short_name', nullable: true }) shortName!: string | null;
  @Column('text') kind!: OrganizationKind;
  @Column('text', { name: 'center_type', nullable: true }) centerType!: CenterType | null;
  @Column('uuid', { name: 'region_id', nullable: true }) regionId!: string | null;
  @Column('uuid', { name: 'municipality_id', nullable: true }) municipalityId!: string | null;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @Column('uuid', { name: 'issuer_id', nullable: true }) issuerId!: string | null;
  @Column('text', { nullable: true }) inn!: string | null;
  @Column('text', { nullable: true }) ogrn!: string | null;
  @Column('text', { nullable: true }) address!: string | null;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;

  toDto(): OrganizationDto {
    return {
      id: this.id,
      name: this.name,
      shortName: this.shortName,
      kind: this.kind,
      centerType: this.centerType,
      regionId: this.regionId,
      municipalityId: this.municipalityId,
      parentId: this.parentId,
      issuerId: this.issuerId,
      inn: this.inn,
      ogrn: this.ogrn,
      address: this.address,
      timeZone: this.timeZone,
      active: this.active,
      createdAt: this.createdAt.toISOString(),
    };
  }
}

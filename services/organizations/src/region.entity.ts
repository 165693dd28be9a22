import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MunicipalityDto, RegionDto } from '@eduplan/contracts';

@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) code!: string | null;

  toDto(): RegionDto {
    return { id: this.id, name: this.name, code: this.code };
  }
}

@Entity({ name: 'municipalities' })
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'region_id' }) regionId!: string;
  @Column('text') name!: string;

  toDto(): MunicipalityDto {
    return { id: this.id, regionId: this.regionId, name: this.name };
  }
}

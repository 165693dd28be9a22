import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { database } from './database';
import { OrganizationImportController } from './organization-import.controller';
import { OrganizationImportService } from './organization-import.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationRegistry } from './organization-registry';
import { OrganizationsController } from './organizations.controller';
import { RegionsController } from './regions.controller';
import { MunicipalityEntity, RegionEntity } from './region.entity';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature([OrganizationEntity, RegionEntity, MunicipalityEntity])],
  controllers: [OrganizationsController, RegionsController, OrganizationImportController, healthController('organizations')],
  providers: [OrganizationRegistry, OrganizationImportService],
})
export class AppModule {}

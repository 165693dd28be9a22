import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { database } from './database';
import { OrganizationImportController } from './organization-import.controller';
import { OrganizationImportService } from './organization-import.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationRegistry } from './organization-registry';
import { OrganizationsController } from './organizations.controller';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { RegionsController } from './regions.controller';
import { MunicipalityEntity, RegionEntity } from './region.entity';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature([OrganizationEntity, RegionEntity, MunicipalityEntity])],
  controllers: [OrganizationsController, RegionsController, OrganizationImportController, PeopleController, healthController('organizations')],
  providers: [OrganizationRegistry, OrganizationImportService, PeopleService],
})
export class AppModule {}

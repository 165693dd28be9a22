import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { database } from './database';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsController } from './organizations.controller';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature([OrganizationEntity])],
  controllers: [OrganizationsController, healthController('organizations')],
})
export class AppModule {}

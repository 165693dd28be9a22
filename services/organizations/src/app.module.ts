import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { database } from './database';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { ResponsibleLinksController } from './responsible/responsible-links.controller';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature([OrganizationEntity])],
  controllers: [OrganizationsController, ResponsibleLinksController, healthController('organizations')],
})
export class AppModule {}

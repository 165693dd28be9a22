import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusModule, databaseOptions, healthController } from '@eduplan/platform';
import { database, entities } from './database';
import { ReportingController } from './reporting.controller';

@Module({
  imports: [BusModule.forRoot(), TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature(entities)],
  controllers: [ReportingController, healthController('reporting')],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, BusModule, databaseOptions, healthController } from '@eduplan/platform';
import { CalendarController } from './calendar.controller';
import { database } from './database';
import { PeriodsController } from './periods.controller';
import { ReportsController } from './reports.controller';

@Module({
  imports: [BusModule.forRoot(), TypeOrmModule.forRoot(databaseOptions(database))],
  controllers: [PeriodsController, ReportsController, CalendarController, healthController('reporting'), auditController('reporting')],
})
export class AppModule {}

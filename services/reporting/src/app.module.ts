import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, BusModule, databaseOptions, healthController } from '@eduplan/platform';
import { CalendarController } from './calendar.controller';
import { database } from './database';
import { EvidenceController } from './evidence.controller';
import { PeriodsController } from './periods.controller';
import { REPORTING_CONFIG, reportingConfig } from './reporting.config';
import { ReportsController } from './reports.controller';

@Module({
  imports: [BusModule.forRoot(), TypeOrmModule.forRoot(databaseOptions(database))],
  providers: [{ provide: REPORTING_CONFIG, useFactory: reportingConfig }],
  controllers: [PeriodsController, ReportsController, EvidenceController, CalendarController, healthController('reporting'), auditController('reporting')],
})
export class AppModule {}

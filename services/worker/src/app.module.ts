import { Module } from '@nestjs/common';
import { BusModule, temporalClientProvider } from '@eduplan/platform';
import { OrderActivitiesService } from './order.activities';
import { ReportHints } from './report-hints';
import { TemporalWorkerRunner } from './temporal-worker.runner';
import { WorkerController } from './worker.controller';

@Module({
  imports: [BusModule.forRoot()],
  controllers: [WorkerController],
  providers: [OrderActivitiesService, ReportHints, TemporalWorkerRunner, temporalClientProvider],
})
export class AppModule {}

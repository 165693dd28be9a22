import { Module } from '@nestjs/common';
import { BusModule, temporalClientProvider } from '@eduplan/platform';
import { OrderActivitiesService } from './order.activities';
import { TemporalWorkerRunner } from './temporal-worker.runner';
import { WorkerController } from './worker.controller';

@Module({
  imports: [BusModule.forRoot()],
  controllers: [WorkerController],
  providers: [OrderActivitiesService, TemporalWorkerRunner, temporalClientProvider],
})
export class AppModule {}

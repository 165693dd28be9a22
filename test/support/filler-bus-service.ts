import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ReportingRoutes } from '@eduplan/contracts';
import { startBusService } from '@eduplan/platform';

/** One of the reporting service's own subjects: the bus lets the reporting user subscribe to nothing else. */
export const FILLER_SUBJECT = ReportingRoutes.getPeriod.subject;

/** Answers with as many characters as asked: a reply of any size, to go past NATS's max_payload. */
@Controller()
class FillerController {
  @MessagePattern(FILLER_SUBJECT)
  filler(@Payload() request: { length: number }): string {
    return 'я'.repeat(request.length);
  }
}

@Module({ controllers: [FillerController] })
class FillerModule {}

// Started as its own process by the test, through the same boot code as every real service.
if (require.main === module) void startBusService('reporting', FillerModule);

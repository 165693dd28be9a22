import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { startBusService } from '@eduplan/platform';

export const FILLER_SUBJECT = 'reporting.test.filler';

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

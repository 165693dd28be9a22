import { Body, Controller, Post } from '@nestjs/common';
import { ReportingRoutes, type ReportDto, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';

@Controller('api/reports')
export class ReportsController {
  constructor(private readonly bus: BusClient) {}

  @Post()
  submit(@Body() body: unknown): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.submitReport, body as RequestOf<typeof ReportingRoutes.submitReport>);
  }
}

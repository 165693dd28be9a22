import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrganizationImportRoutes, type OrganizationImportPreview, type OrganizationImportResult } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { OrganizationImportService } from './organization-import.service';

const R = OrganizationImportRoutes;

@Controller()
export class OrganizationImportController {
  constructor(private readonly imports: OrganizationImportService) {}

  @MessagePattern(R.start.subject)
  start(@Payload(new RoutePipe(R.start)) request: z.output<typeof R.start.request>): Promise<{ batchId: string }> {
    return this.imports.start(request);
  }

  @MessagePattern(R.addRows.subject)
  addRows(@Payload(new RoutePipe(R.addRows)) request: z.output<typeof R.addRows.request>): Promise<{ staged: number }> {
    return this.imports.addRows(request);
  }

  @MessagePattern(R.preview.subject)
  preview(@Payload(new RoutePipe(R.preview)) { batchId }: z.output<typeof R.preview.request>): Promise<OrganizationImportPreview> {
    return this.imports.preview(batchId);
  }

  @MessagePattern(R.confirm.subject)
  confirm(@Payload(new RoutePipe(R.confirm)) request: z.output<typeof R.confirm.request>): Promise<OrganizationImportResult> {
    return this.imports.confirm(request);
  }
}

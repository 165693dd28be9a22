import { Controller, HttpCode, Param, ParseUUIDPipe, PayloadTooLargeException, Post, Query, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import {
  ORGANIZATION_IMPORT_CHUNK_ROWS,
  OrganizationImportRoutes,
  type OrganizationImportPreview,
  type Actor,
  type OrganizationImportResult,
  type RequestOf,
} from '@eduplan/contracts';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UploadRoute } from '../edge/upload-route.decorator';
import { ORGANIZATION_IMPORT_LIMITS, OrganizationSheetError, PlanImportLimitError, readOrganizationSheetIsolated } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { megabytes, readMultipartFile, readRawBody, type UploadLimit } from '../uploads/file-upload';

const SHEET_UPLOAD_LIMIT: UploadLimit = {
  maxBytes: ORGANIZATION_IMPORT_LIMITS.maxFileBytes,
  tooLarge: (size) =>
    new PayloadTooLargeException(
      `Файл${size === null ? '' : ` ${megabytes(size)}`} больше предела ${megabytes(ORGANIZATION_IMPORT_LIMITS.maxFileBytes)}: разделите таблицу на части`,
    ),
};

/** A table of organizations (.xlsx or CSV) → a preview with a row-by-row report → confirm, all rows or none. */
@Controller('api/organizations/import')
export class OrganizationImportController {
  constructor(private readonly bus: BusClient) {}

  /**
   * The table as multipart field «file» or as the raw body, `?regionId=&issuerId=`. It is read on a worker thread
   * within the import limits, staged with the organizations service a chunk at a time, and checked there.
   */
  @Post('preview')
  @UploadRoute()
  @HttpCode(200)
  async preview(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<OrganizationImportPreview> {
    const start = OrganizationImportRoutes.start.parse({ ...query, actor });
    let bytes: Uint8Array;
    let fileName: string | null = null;
    if (request.is('multipart/form-data')) {
      const file = await readMultipartFile(request, response, SHEET_UPLOAD_LIMIT);
      bytes = file?.buffer ?? new Uint8Array(0);
      fileName = file?.originalName ?? null;
    } else {
      bytes = await readRawBody(request, SHEET_UPLOAD_LIMIT);
    }
    const sheet = await this.read(bytes);
    const { batchId } = await this.bus.request(OrganizationImportRoutes.start, { ...start, fileName: start.fileName ?? fileName } as RequestOf<typeof OrganizationImportRoutes.start>);
    for (let at = 0; at < sheet.rows.length; at += ORGANIZATION_IMPORT_CHUNK_ROWS) {
      await this.bus.request(OrganizationImportRoutes.addRows, { batchId, rows: sheet.rows.slice(at, at + ORGANIZATION_IMPORT_CHUNK_ROWS), actor });
    }
    return this.bus.request(OrganizationImportRoutes.preview, { batchId, actor });
  }

  /** Creates every row of the previewed table in one transaction; with any problem left, nothing. */
  @Post(':batchId')
  confirm(@Param('batchId', ParseUUIDPipe) batchId: string, @CurrentActor() actor: Actor): Promise<OrganizationImportResult> {
    return this.bus.request(OrganizationImportRoutes.confirm, { batchId, actor });
  }

  private async read(bytes: Uint8Array) {
    try {
      return await readOrganizationSheetIsolated(bytes);
    } catch (error) {
      if (error instanceof PlanImportLimitError) throw new UnprocessableEntityException(error.message);
      if (error instanceof OrganizationSheetError) throw new DomainException('VALIDATION', error.message);
      throw error;
    }
  }
}

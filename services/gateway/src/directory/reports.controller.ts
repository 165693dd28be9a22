import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  EVIDENCE_CHUNK_BYTES,
  ReportingRoutes,
  type Actor,
  type DuePeriodDto,
  type EvidenceUploadDto,
  type Page,
  type ReportDraftDto,
  type ReportDto,
  type ReportRevisionDto,
  type RequestOf,
} from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { contentDisposition } from '../documents/stored-document-download';
import { UploadRoute } from '../edge/upload-route.decorator';
import { readEvidenceUpload, reportFileLimit } from './report-evidence-upload';

/** A retry of a write sends the same key (RFC draft «Idempotency-Key»); a key in the body is taken as well. */
const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A center's reports: its reporter keeps a draft, sends, corrects and reads its own; the reporting service checks whose they are. */
@Controller('api/reports')
export class ReportsController {
  private readonly fileLimit = reportFileLimit();

  constructor(private readonly bus: BusClient) {}

  @Post()
  submit(@Body() body: unknown, @Headers(IDEMPOTENCY_HEADER) key: string | undefined, @CurrentActor() actor: Actor): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.submitReport, { ...withKey(body, key), actor } as RequestOf<typeof ReportingRoutes.submitReport>);
  }

  @Post('draft')
  @HttpCode(200)
  saveDraft(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<ReportDraftDto> {
    return this.bus.request(ReportingRoutes.saveDraft, { ...(body as object), actor } as RequestOf<typeof ReportingRoutes.saveDraft>);
  }

  /** An evidence file (multipart field «file», `?periodId=`), passed on in chunks small enough for the bus. */
  @Post('files')
  @UploadRoute()
  async uploadFile(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceUploadDto> {
    const file = await readEvidenceUpload(request, response, this.fileLimit);
    const chunk = (seq: number) => file.buffer.subarray(seq * EVIDENCE_CHUNK_BYTES, (seq + 1) * EVIDENCE_CHUNK_BYTES).toString('base64');
    let stored = await this.bus.request(ReportingRoutes.startEvidence, {
      periodId: query.periodId,
      name: file.originalName,
      size: file.buffer.length,
      base64: chunk(0),
      actor,
    } as RequestOf<typeof ReportingRoutes.startEvidence>);
    for (let seq = 1; !stored.complete; seq++) {
      stored = await this.bus.request(ReportingRoutes.appendEvidence, { id: stored.id, seq, base64: chunk(seq), actor });
    }
    return stored;
  }

  /** The file's bytes, read chunk by chunk as the person asking: their organization's, or their ministry's period's. */
  @Get('files/:id')
  async downloadFile(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const first = await this.bus.request(ReportingRoutes.readEvidence, { id, seq: 0, actor });
    response.setHeader('Content-Type', first.contentType);
    response.setHeader('Content-Length', String(first.size));
    response.setHeader('Content-Disposition', contentDisposition(first.name, 'evidence'));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.write(Buffer.from(first.base64, 'base64'));
    for (let seq = 1; seq < first.chunks; seq++) {
      const chunk = await this.bus.request(ReportingRoutes.readEvidence, { id, seq, actor });
      if (!response.write(Buffer.from(chunk.base64, 'base64'))) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }

  /** `?limit=&offset=`: the open periods the reporter's organization owes, with its due events and its draft. */
  @Get('due')
  due(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<DuePeriodDto>> {
    return this.bus.request(ReportingRoutes.duePeriods, { ...query, actor } as RequestOf<typeof ReportingRoutes.duePeriods>);
  }

  /** `?periodId=&limit=&offset=`: the reporter's organization's reports, newest first; to the ministry's staff, every report of the period. */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<Page<ReportDto>> {
    return this.bus.request(ReportingRoutes.listReports, { ...query, actor } as RequestOf<typeof ReportingRoutes.listReports>);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.getReport, { id, actor });
  }

  @Get(':id/revisions')
  revisions(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<ReportRevisionDto[]> {
    return this.bus.request(ReportingRoutes.reportRevisions, { id, actor });
  }

  @Post(':id/corrections')
  correct(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Headers(IDEMPOTENCY_HEADER) key: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReportDto> {
    return this.bus.request(ReportingRoutes.correctReport, { ...withKey(body, key), id, actor } as RequestOf<typeof ReportingRoutes.correctReport>);
  }
}

function withKey(body: unknown, key: string | undefined): object {
  const fields = (body ?? {}) as Record<string, unknown>;
  return key === undefined || fields.idempotencyKey !== undefined ? fields : { ...fields, idempotencyKey: key };
}

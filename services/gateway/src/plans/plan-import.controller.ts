import { Body, Controller, HttpCode, Post, Query, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { OrganizationRoutes, PlanRoutes, uuid, type Actor, type PlanDto, type ResolvedResponsibleDto } from '@eduplan/contracts';
import { importPlanFileIsolated, PlanImportError, PlanImportLimitError, type ImportedPlanFile } from '@eduplan/domain';
import { BusClient, DomainException } from '@eduplan/platform';
import type { Request, Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UploadRoute } from '../edge/upload-route.decorator';
import { PlanResponsibleLinker, planStrings } from './plan-responsible-linker';
import { PLAN_UPLOAD_LIMIT, readPlanUpload } from './plan-upload';

/** The preview with, when the issuer is named (`?issuerId=`), what each responsible string links to. */
export type PlanImportPreview = ImportedPlanFile & { responsibleLinks?: ResolvedResponsibleDto[] };

/** Upload → preview (nothing stored) → confirm (the plan created whole, in one transaction). */
@Controller('api/plans/import')
export class PlanImportController {
  constructor(
    private readonly bus: BusClient,
    private readonly linker: PlanResponsibleLinker,
  ) {}

  /**
   * A .docx or a text export, as multipart field «file» or as the raw body; answers the import JSON with its
   * warnings. The file is parsed on a worker thread within the import's limits, so a hostile file costs the
   * gateway neither its event loop nor its heap; one past a limit is answered 422 naming the limit.
   */
  @Post('preview')
  @UploadRoute()
  @HttpCode(200)
  async preview(@Req() request: Request, @Res({ passthrough: true }) response: Response, @Query('issuerId') issuerId?: string): Promise<PlanImportPreview> {
    const issuer = issuerId === undefined ? null : uuid.parse(issuerId);
    const bytes = await readPlanUpload(request, response);
    let imported: ImportedPlanFile;
    try {
      imported = await importPlanFileIsolated(bytes);
    } catch (error) {
      if (error instanceof PlanImportLimitError) throw new UnprocessableEntityException(error.message);
      if (error instanceof PlanImportError) {
        throw error.code === 'too-large' ? PLAN_UPLOAD_LIMIT.tooLarge(bytes.length) : new DomainException('VALIDATION', error.message);
      }
      throw error;
    }
    if (!issuer) return imported;
    return { ...imported, responsibleLinks: await this.linker.resolve(issuer, planStrings(imported.plan)) };
  }

  /** `{ issuerId, imported }`: the preview's JSON, possibly corrected by the person. */
  @Post()
  async confirm(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    const request = PlanRoutes.importPlan.parse({ ...(body as object), actor });
    await this.bus.request(OrganizationRoutes.get, { id: request.issuerId });
    // Resolved before the plan is created, so a failure here leaves nothing behind.
    const links = await this.linker.resolve(request.issuerId, planStrings(request.imported.plan));
    const plan = await this.bus.request(PlanRoutes.importPlan, request);
    await this.linker.store(plan.id, actor, 'import', links);
    const { glossary, abbreviations = [] } = request.imported.document;
    await this.linker.rememberPlanAliases(request.issuerId, [...links, ...(await this.linker.resolveDefinitions(request.issuerId, abbreviations, links))], actor, glossary);
    return plan;
  }
}


import { Body, Controller, Delete, Get, Logger, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { PlanRoutes, type Actor, type PlanDiff, type PlanDto, type PlanEdit, type PlanVersionDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PlanResponsibleLinker } from './plan-responsible-linker';

type Fields = Record<string, unknown>;
const fieldsOf = (body: unknown): Fields => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Fields) : {});
const Id = (name: string) => Param(name, ParseUUIDPipe);

/**
 * Edits of a plan. Every body carries `baseVersion`, the version the edit was made on (for DELETE: the
 * `baseVersion` query parameter); a stale one is answered 409 with what changed since. Any other field of
 * the body (or query) goes into the edit, where a field the edit does not know is refused by name.
 */
@Controller('api/plans/:id')
export class PlanEditsController {
  private readonly logger = new Logger(PlanEditsController.name);

  constructor(
    private readonly bus: BusClient,
    private readonly linker: PlanResponsibleLinker,
  ) {}

  @Patch()
  updatePlan(@Id('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updatePlan' }, actor);
  }

  @Post('sections')
  addSection(@Id('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'addSection' }, actor);
  }

  @Patch('sections/:sectionId')
  updateSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updateSection', sectionId }, actor, 'changes');
  }

  @Delete('sections/:sectionId')
  deleteSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Query() query: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, query, { op: 'deleteSection', sectionId }, actor);
  }

  @Post('sections/:sectionId/move')
  moveSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'moveSection', sectionId }, actor);
  }

  @Post('events')
  addEvent(@Id('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'addEvent' }, actor);
  }

  @Post('events/merge')
  mergeEvents(@Id('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'mergeEvents' }, actor);
  }

  @Patch('events/:eventId')
  updateEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updateEvent', eventId }, actor, 'changes');
  }

  @Delete('events/:eventId')
  deleteEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Query() query: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, query, { op: 'deleteEvent', eventId }, actor);
  }

  @Post('events/:eventId/move')
  moveEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'moveEvent', eventId }, actor);
  }

  @Post('events/:eventId/split')
  splitEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanDto> {
    return this.edit(id, body, { op: 'splitEvent', eventId }, actor);
  }

  @Get('versions')
  versions(@Id('id') id: string, @CurrentActor() actor: Actor): Promise<PlanVersionDto[]> {
    return this.bus.request(PlanRoutes.listPlanVersions, { id, actor });
  }

  /** `from` and `to` stay text here: the route's schema bounds them and names the one that is wrong. */
  @Get('versions/:from/diff/:to')
  diff(@Id('id') planId: string, @Param('from') from: string, @Param('to') to: string, @CurrentActor() actor: Actor): Promise<PlanDiff> {
    return this.bus.request(PlanRoutes.diffPlanVersions, { planId, from, to, actor });
  }

  /** The plan in the import JSON shape (`eduplan import --json`). */
  @Get('export')
  export(@Id('id') id: string, @CurrentActor() actor: Actor): Promise<ImportedPlanFile> {
    return this.bus.request(PlanRoutes.exportPlan, { id, actor });
  }

  /**
   * The body's fields go into the edit as they are, or under `changes` for the update operations. An edit
   * that brings responsible strings links the plan again, so the plan page shows them resolved or for review.
   */
  private async edit(planId: string, body: unknown, target: Fields & { op: string }, actor: Actor, nest?: 'changes'): Promise<PlanDto> {
    const { baseVersion, ...fields } = fieldsOf(body);
    const edit = nest ? { ...target, changes: fields } : { ...fields, ...target };
    const request = PlanRoutes.editPlan.parse({ planId, baseVersion, edit, actor });
    const plan = await this.bus.request(PlanRoutes.editPlan, request);
    if (bringsResponsible(request.edit)) await this.relinkAfter(plan, actor);
    return plan;
  }

  /**
   * The edit is made whatever happens here: when the organizations service cannot link the new strings now,
   * they stay without a link, which lists them as unresolved and keeps the order from approval until a
   * person links them again from the plan page.
   */
  private async relinkAfter(plan: PlanDto, actor: Actor): Promise<void> {
    try {
      await this.linker.link(plan, actor, 'edit');
    } catch (error) {
      this.logger.warn(`plan ${plan.id}: responsible strings not linked after an edit: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** An edit that may put into the plan a responsible string its links do not know yet. */
function bringsResponsible(edit: PlanEdit): boolean {
  if (edit.op === 'addEvent') return edit.event.responsible.length > 0 || edit.event.subRows.some((row) => row.responsible.length > 0);
  return edit.op === 'updateEvent' && (edit.changes.responsible !== undefined || edit.changes.subRows !== undefined);
}

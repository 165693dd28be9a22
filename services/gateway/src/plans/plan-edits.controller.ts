import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { PlanRoutes, type PlanDiff, type PlanDto, type PlanVersionDto } from '@eduplan/contracts';
import type { ImportedPlanFile } from '@eduplan/domain';
import { BusClient } from '@eduplan/platform';

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
  constructor(private readonly bus: BusClient) {}

  @Patch()
  updatePlan(@Id('id') id: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updatePlan' });
  }

  @Post('sections')
  addSection(@Id('id') id: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'addSection' });
  }

  @Patch('sections/:sectionId')
  updateSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updateSection', sectionId }, 'changes');
  }

  @Delete('sections/:sectionId')
  deleteSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Query() query: unknown): Promise<PlanDto> {
    return this.edit(id, query, { op: 'deleteSection', sectionId });
  }

  @Post('sections/:sectionId/move')
  moveSection(@Id('id') id: string, @Id('sectionId') sectionId: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'moveSection', sectionId });
  }

  @Post('events')
  addEvent(@Id('id') id: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'addEvent' });
  }

  @Post('events/merge')
  mergeEvents(@Id('id') id: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'mergeEvents' });
  }

  @Patch('events/:eventId')
  updateEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'updateEvent', eventId }, 'changes');
  }

  @Delete('events/:eventId')
  deleteEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Query() query: unknown): Promise<PlanDto> {
    return this.edit(id, query, { op: 'deleteEvent', eventId });
  }

  @Post('events/:eventId/move')
  moveEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'moveEvent', eventId });
  }

  @Post('events/:eventId/split')
  splitEvent(@Id('id') id: string, @Id('eventId') eventId: string, @Body() body: unknown): Promise<PlanDto> {
    return this.edit(id, body, { op: 'splitEvent', eventId });
  }

  @Get('versions')
  versions(@Id('id') id: string): Promise<PlanVersionDto[]> {
    return this.bus.request(PlanRoutes.listPlanVersions, { id });
  }

  /** `from` and `to` stay text here: the route's schema bounds them and names the one that is wrong. */
  @Get('versions/:from/diff/:to')
  diff(@Id('id') planId: string, @Param('from') from: string, @Param('to') to: string): Promise<PlanDiff> {
    return this.bus.request(PlanRoutes.diffPlanVersions, { planId, from, to });
  }

  /** The plan in the import JSON shape (`eduplan import --json`). */
  @Get('export')
  export(@Id('id') id: string): Promise<ImportedPlanFile> {
    return this.bus.request(PlanRoutes.exportPlan, { id });
  }

  /** The body's fields go into the edit as they are, or under `changes` for the update operations. */
  private edit(planId: string, body: unknown, target: Fields & { op: string }, nest?: 'changes'): Promise<PlanDto> {
    const { baseVersion, ...fields } = fieldsOf(body);
    const edit = nest ? { ...target, changes: fields } : { ...fields, ...target };
    return this.bus.request(PlanRoutes.editPlan, PlanRoutes.editPlan.parse({ planId, baseVersion, edit }));
  }
}

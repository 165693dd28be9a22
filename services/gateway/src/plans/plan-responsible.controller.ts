import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { confirmPlanResponsibleBody, PlanResponsibleRoutes, PlanRoutes, ResponsibleRoutes, type Actor, type PlanResponsibleDto } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';
import { PlanResponsibleLinker } from './plan-responsible-linker';

/** The plan page's «Ответственные»: what each string links to, and a person's answers for the rest. */
@Controller('api/plans/:id/responsible')
export class PlanResponsibleController {
  constructor(
    private readonly bus: BusClient,
    private readonly linker: PlanResponsibleLinker,
  ) {}

  @Get()
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<PlanResponsibleDto> {
    return this.bus.request(PlanResponsibleRoutes.get, { id, actor });
  }

  /** Links the plan again (after organizations or aliases were added). */
  @Post('relink')
  relink(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<PlanResponsibleDto> {
    return this.linker.relink(id, actor);
  }

  /**
   * Remembers the answer for the issuer's region (so other plans need not ask), then links the plan again.
   * The plan is read as the actor first, so a stranger to its issuer changes no alias of that region.
   */
  @Post('confirm')
  async confirm(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<PlanResponsibleDto> {
    const answer = confirmPlanResponsibleBody.parse(body);
    const plan = await this.bus.request(PlanRoutes.getPlan, { id, actor });
    await this.bus.request(ResponsibleRoutes.confirm, { issuerId: plan.issuerId, ...answer, actor });
    return this.linker.link(plan, actor, 'confirm', answer);
  }
}

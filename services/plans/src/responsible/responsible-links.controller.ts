import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlanResponsibleRoutes, type PlanResponsibleDto } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { assertWorksFor } from '../access/issuer-access';
import { clipped, recordChange } from '../audit/plans-audit';
import { PlanStore } from '../plan-store';
import { PlanLinks, type ResolvedLinks } from './plan-links';

const R = PlanResponsibleRoutes;

/** The links of a plan's «Ответственные» strings: stored after the organizations service resolved them. */
@Controller()
export class ResponsibleLinksController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(R.store.subject)
  async store(@Payload(new RoutePipe(R.store)) request: z.output<typeof R.store.request>): Promise<PlanResponsibleDto> {
    const { planId, actor, cause, answer, links } = request;
    return this.dataSource.transaction(async (manager) => {
      const plan = await new PlanStore(manager).lock(planId);
      assertWorksFor(actor, plan.issuerId, 'План', planId);
      await new PlanLinks(manager).replace(planId, links);
      const after = await new PlanLinks(manager).responsible(planId);
      await recordChange(manager, actor, {
        action: `plan.responsible.${cause}`,
        objectType: 'plan',
        objectId: planId,
        after: {
          ...linkCounts(links),
          unresolved: after.unresolved.length,
          ...(answer ? { answer: { text: clipped(answer.text), organizationIds: answer.organizationIds, notReporting: answer.notReporting } } : {}),
        },
      });
      return after;
    });
  }

  @MessagePattern(R.get.subject)
  async get(@Payload(new RoutePipe(R.get)) { id, actor }: z.output<typeof R.get.request>): Promise<PlanResponsibleDto> {
    const found = await new PlanLinks(this.dataSource.manager).responsible(id);
    assertWorksFor(actor, found.issuerId, 'План', id);
    return found;
  }

  @MessagePattern(R.getForService.subject)
  getForService(@Payload(new RoutePipe(R.getForService)) { id }: z.output<typeof R.getForService.request>): Promise<PlanResponsibleDto> {
    return new PlanLinks(this.dataSource.manager).responsible(id);
  }
}

/** How many distinct strings the plan's links hold, by their answer. */
function linkCounts(links: ResolvedLinks): Record<'strings' | 'resolved' | 'review' | 'notReporting', number> {
  const count = (status: string) => links.filter((item) => item.link.status === status).length;
  return { strings: links.length, resolved: count('resolved'), review: count('review'), notReporting: count('not_reporting') };
}

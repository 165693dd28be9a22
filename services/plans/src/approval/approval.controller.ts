import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanRoutes, type ApprovedDraftDto, type FrozenDraft } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { ApprovalDrafts } from './approval-drafts';

const R = PlanRoutes;

/** What the order workflow records per approval round and renders at signing. */
@Controller()
export class ApprovalController {
  constructor(private readonly drafts: ApprovalDrafts) {}

  @MessagePattern(R.freezeDraft.subject)
  freeze(@Payload(new RoutePipe(R.freezeDraft)) { id }: z.output<typeof R.freezeDraft.request>): Promise<FrozenDraft> {
    return this.drafts.freeze(id);
  }

  @MessagePattern(R.approvedDraft.subject)
  approved(@Payload(new RoutePipe(R.approvedDraft)) request: z.output<typeof R.approvedDraft.request>): Promise<ApprovedDraftDto> {
    return this.drafts.approved(request.id, request.planVersion);
  }
}

import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { PlanRoutes, type ApprovedDraftDto, type FrozenDraft } from '@eduplan/contracts';
import { RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { ApprovalDrafts } from './approval-drafts';
import { ApprovalJournal } from './approval-journal';
import { AwaitedApproversProjection } from './awaited-approvers';

const R = PlanRoutes;

/** What the order workflow records per approval round and renders at signing, and the steps people take on the route. */
@Controller()
export class ApprovalController {
  constructor(
    private readonly drafts: ApprovalDrafts,
    private readonly journal: ApprovalJournal,
    private readonly awaited: AwaitedApproversProjection,
  ) {}

  @MessagePattern(R.freezeDraft.subject)
  freeze(@Payload(new RoutePipe(R.freezeDraft)) { id }: z.output<typeof R.freezeDraft.request>): Promise<FrozenDraft> {
    return this.drafts.freeze(id);
  }

  @MessagePattern(R.approvedDraft.subject)
  approved(@Payload(new RoutePipe(R.approvedDraft)) request: z.output<typeof R.approvedDraft.request>): Promise<ApprovedDraftDto> {
    return this.drafts.approved(request.id, request.planVersion);
  }

  @MessagePattern(R.recordApprovalStep.subject)
  recordStep(@Payload(new RoutePipe(R.recordApprovalStep)) request: z.output<typeof R.recordApprovalStep.request>): Promise<{ recorded: boolean }> {
    return this.journal.record(request);
  }

  @MessagePattern(R.recordAwaitedApprovers.subject)
  recordAwaited(@Payload(new RoutePipe(R.recordAwaitedApprovers)) request: z.output<typeof R.recordAwaitedApprovers.request>): Promise<{ recorded: boolean }> {
    return this.awaited.record(request);
  }
}

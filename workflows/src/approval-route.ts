import type {
  ApprovalStageInput,
  DecisionInput,
  DecisionRecord,
  Person,
  ResubmitRequest,
  StageState,
} from '@eduplan/contracts';
import { OrderRefusal } from './order-refusal';

/** Who a decision is made by, and for which approver of the stage (the same person unless a substitute acts). */
export interface Decider {
  person: Person;
  approverId: string;
}

/**
 * The approval route of one order: ordered stages, parallel approvers inside a stage, rounds that start
 * again after a return. Approvers are people of the registry, by person id. Pure: the workflow keeps it in
 * memory and rebuilds it on replay.
 */
export class ApprovalRoute {
  readonly stages: StageState[];
  round = 1;
  version = 1;
  /** `${stage}:${personId}` → the first round whose decision counts for that approver. */
  private readonly requiredFrom = new Map<string, number>();

  constructor(route: ApprovalStageInput[]) {
    this.stages = route.map((stage) => ({ name: stage.name, status: 'waiting', approvers: [...stage.approvers], decisions: [] }));
    this.stages.forEach((stage, s) => stage.approvers.forEach((a) => this.requiredFrom.set(`${s}:${a.personId}`, 1)));
    this.advance();
  }

  get activeStageIndex(): number {
    return this.stages.findIndex((s) => s.status === 'active');
  }

  get activeStage(): StageState | undefined {
    return this.stages[this.activeStageIndex];
  }

  get approved(): boolean {
    return this.stages.every((s) => s.status === 'approved');
  }

  get returned(): boolean {
    return this.stages.some((s) => s.status === 'returned');
  }

  /**
   * The checks that need no one but the route: the order is on approval, on this version, and the request is
   * complete. Throws an `OrderRefusal`; the update is then rejected unchanged.
   */
  checkDecision(request: Pick<DecisionInput, 'decision' | 'comment' | 'version' | 'remarks'>): void {
    if (this.activeStageIndex < 0) throw new OrderRefusal('CONFLICT', 'Приказ сейчас не на согласовании');
    if (request.version !== this.version) {
      throw new OrderRefusal('CONFLICT', `Решение принято по версии ${request.version}, а на согласовании версия ${this.version}; откройте актуальную версию`);
    }
    if (request.decision !== 'approve' && !request.comment?.trim() && !request.remarks?.length) {
      throw new OrderRefusal('VALIDATION', 'Укажите замечания: без них можно только согласовать');
    }
  }

  /** The approver of the active stage with this person id, if any. */
  approverOfActiveStage(personId: string): Person | undefined {
    return this.activeStage?.approvers.find((a) => a.personId === personId);
  }

  /** Whether the approver still has to decide in this round on the active stage. */
  awaitsDecisionOf(personId: string): boolean {
    const s = this.activeStageIndex;
    return s >= 0 && this.approverOfActiveStage(personId) !== undefined && !this.hasApproved(s, personId);
  }

  /** Approvers of the active stage who have not decided in this round. */
  get awaited(): Person[] {
    return this.activeStage?.approvers.filter((a) => this.awaitsDecisionOf(a.personId)) ?? [];
  }

  decide(request: DecisionInput, by: Decider, decidedAt: string, contentSha256: string): DecisionRecord {
    this.checkDecision(request);
    const approver = this.approverOfActiveStage(by.approverId);
    if (!approver || !this.awaitsDecisionOf(by.approverId)) {
      throw new OrderRefusal('CONFLICT', `Решение ${approver?.name ?? 'согласующего'} на этом круге согласования уже принято`);
    }
    const record: DecisionRecord = {
      personId: by.person.personId,
      name: by.person.name,
      position: by.person.position,
      actingFor: by.person.personId === approver.personId ? null : approver.personId,
      decision: request.decision,
      comment: request.comment?.trim() || null,
      // Kept only when given, so a decision without remarks looks as it did before they existed.
      ...(request.remarks?.length ? { remarks: request.remarks } : {}),
      version: this.version,
      round: this.round,
      contentSha256,
      decidedAt,
    };
    this.activeStage!.decisions.push(record);
    this.advance();
    return record;
  }

  /** Throws when there is nothing to resubmit; the update is then rejected unchanged. */
  checkResubmit(): void {
    if (!this.returned) throw new OrderRefusal('CONFLICT', 'Приказ не возвращён на доработку; повторно направлять нечего');
  }

  /** Starts the next round on a new version; 'not_approved' keeps the approvals already given. */
  resubmit(request: Pick<ResubmitRequest, 'reapprove'>): void {
    this.checkResubmit();
    this.round += 1;
    this.version += 1;
    this.stages.forEach((stage, s) => {
      for (const a of stage.approvers) {
        if (request.reapprove === 'all' || !this.hasApproved(s, a.personId)) this.requiredFrom.set(`${s}:${a.personId}`, this.round);
      }
      stage.status = 'waiting';
    });
    this.advance();
  }

  private advance(): void {
    for (let s = 0; s < this.stages.length; s++) {
      const stage = this.stages[s];
      if (stage.decisions.some((d) => d.round === this.round && d.decision === 'return')) {
        stage.status = 'returned';
        return;
      }
      if (stage.approvers.some((a) => !this.hasApproved(s, a.personId))) {
        stage.status = 'active';
        return;
      }
      stage.status = 'approved';
    }
  }

  /** A decision counts for the approver whether they made it or their substitute did. */
  private hasApproved(s: number, approverId: string): boolean {
    const from = this.requiredFrom.get(`${s}:${approverId}`) ?? 1;
    return this.stages[s].decisions.some(
      (d) => (d.actingFor ?? d.personId) === approverId && d.round >= from && d.decision !== 'return',
    );
  }
}

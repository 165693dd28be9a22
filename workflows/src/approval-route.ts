import type {
  ApprovalStageInput,
  DecideRequest,
  DecisionRecord,
  ResubmitRequest,
  StageState,
} from '@eduplan/contracts';

/**
 * The approval route of one order: ordered stages, parallel approvers inside a stage, rounds that start
 * again after a return. Pure: the workflow keeps it in memory and rebuilds it on replay.
 */
export class ApprovalRoute {
  readonly stages: StageState[];
  round = 1;
  version = 1;
  /** `${stage}:${userId}` → the first round whose decision counts for that approver. */
  private readonly requiredFrom = new Map<string, number>();

  constructor(route: ApprovalStageInput[]) {
    this.stages = route.map((stage) => ({
      name: stage.name,
      status: 'waiting',
      approvers: stage.approvers.map((a) => ({ ...a, substitutes: a.substitutes ?? [] })),
      decisions: [],
    }));
    this.stages.forEach((stage, s) => stage.approvers.forEach((a) => this.requiredFrom.set(`${s}:${a.userId}`, 1)));
    this.advance();
  }

  get activeStageIndex(): number {
    return this.stages.findIndex((s) => s.status === 'active');
  }

  get approved(): boolean {
    return this.stages.every((s) => s.status === 'approved');
  }

  get returned(): boolean {
    return this.stages.some((s) => s.status === 'returned');
  }

  /** Throws a Russian message when the decision is not allowed; the update is then rejected unchanged. */
  checkDecision(request: DecideRequest): void {
    const s = this.activeStageIndex;
    if (s < 0) throw new Error('Приказ сейчас не на согласовании');
    if (request.version !== this.version) {
      throw new Error(`Решение принято по версии ${request.version}, а на согласовании версия ${this.version}; откройте актуальную версию`);
    }
    const approver = this.approverFor(s, request.userId);
    if (!approver) throw new Error(`Пользователь ${request.userId} не согласует этап «${this.stages[s].name}»`);
    if (!this.isPending(s, approver.userId)) throw new Error(`Решение ${approver.name} на этом круге согласования уже принято`);
    if (request.decision !== 'approve' && !request.comment?.trim()) {
      throw new Error('Укажите замечания: без них можно только согласовать');
    }
  }

  decide(request: DecideRequest, decidedAt: string, contentSha256: string): DecisionRecord {
    this.checkDecision(request);
    const s = this.activeStageIndex;
    const approver = this.approverFor(s, request.userId)!;
    const substitute = approver.userId === request.userId ? undefined : approver.substitutes.find((p) => p.userId === request.userId);
    const record: DecisionRecord = {
      userId: request.userId,
      name: (substitute ?? approver).name,
      position: (substitute ?? approver).position,
      actingFor: substitute ? approver.userId : null,
      decision: request.decision,
      comment: request.comment?.trim() || null,
      version: this.version,
      round: this.round,
      contentSha256,
      decidedAt,
    };
    this.stages[s].decisions.push(record);
    this.advance();
    return record;
  }

  /** Throws a Russian message when there is nothing to resubmit; the update is then rejected unchanged. */
  checkResubmit(): void {
    if (!this.returned) throw new Error('Приказ не возвращён на доработку; повторно направлять нечего');
  }

  /** Starts the next round on a new version; 'not_approved' keeps the approvals already given. */
  resubmit(request: ResubmitRequest): void {
    this.checkResubmit();
    this.round += 1;
    this.version += 1;
    this.stages.forEach((stage, s) => {
      for (const a of stage.approvers) {
        if (request.reapprove === 'all' || !this.hasApproved(s, a.userId)) this.requiredFrom.set(`${s}:${a.userId}`, this.round);
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
      if (stage.approvers.some((a) => this.isPending(s, a.userId))) {
        stage.status = 'active';
        return;
      }
      stage.status = 'approved';
    }
  }

  private approverFor(s: number, userId: string) {
    return this.stages[s].approvers.find((a) => a.userId === userId || a.substitutes.some((s) => s.userId === userId));
  }

  private hasApproved(s: number, approverId: string): boolean {
    const from = this.requiredFrom.get(`${s}:${approverId}`) ?? 1;
    return this.stages[s].decisions.some(
      (d) => (d.actingFor ?? d.userId) === approverId && d.round >= from && d.decision !== 'return',
    );
  }

  private isPending(s: number, approverId: string): boolean {
    return !this.hasApproved(s, approverId);
  }
}

import { Injectable } from '@nestjs/common';
import { MAX_REMARK_ROW_LENGTH, PlanRoutes, type Actor, type DecideRequest, type OrderDto, type PlanEventDto, type RemarkRecord } from '@eduplan/contracts';
import { BusClient, DomainException } from '@eduplan/platform';
import { OrderWorkflows } from './order-workflows';

/**
 * An approver's remarks as the decision keeps them: each remark on a plan row is checked against the plan
 * version of the round decided on and named by the row's number and title, so the order card and the approval
 * sheet show where it points even after later versions renumber the plan. The workflow cannot read the plan.
 */
@Injectable()
export class DecisionRemarks {
  constructor(
    private readonly bus: BusClient,
    private readonly workflows: OrderWorkflows,
  ) {}

  async named(order: OrderDto, request: DecideRequest, actor: Actor): Promise<RemarkRecord[] | undefined> {
    const remarks = request.remarks;
    if (!remarks?.length) return undefined;
    const rows = remarks.some((remark) => remark.eventId) ? await this.rowsUnderApproval(order, request.version, actor) : new Map<string, string>();
    return remarks.map((remark, index) => {
      if (!remark.eventId) return { eventId: null, row: null, text: remark.text };
      const row = rows.get(remark.eventId);
      if (!row) {
        throw new DomainException('VALIDATION', `Замечание ${index + 1}: мероприятия ${remark.eventId} нет в версии плана, которая на согласовании — укажите строку плана из проекта или оставьте замечание ко всему проекту`);
      }
      return { eventId: remark.eventId, row, text: remark.text };
    });
  }

  /** The rows of the plan version frozen for the round of `version`: the plan stays at that version while the round runs. */
  private async rowsUnderApproval(order: OrderDto, version: number, actor: Actor): Promise<Map<string, string>> {
    const state = await this.workflows.state(order.id);
    const round = state.rounds.find((r) => r.version === version);
    if (!round || round.round !== state.round) {
      throw new DomainException('CONFLICT', `Решение принято по версии ${version}, а на согласовании версия ${state.version}; откройте актуальную версию`);
    }
    const plan = await this.bus.request(PlanRoutes.getPlan, { id: order.planId, actor });
    if (plan.version !== round.planVersion) {
      throw new DomainException('CONFLICT', `План изменён после отправки проекта на согласование (версия плана ${plan.version}, на согласовании ${round.planVersion}): откройте актуальную версию`);
    }
    return new Map(plan.sections.flatMap((section) => section.events.map((event): [string, string] => [event.id, rowName(event)])));
  }
}

function rowName(event: PlanEventDto): string {
  const name = `${event.number ? `${event.number}. ` : ''}${event.title}`;
  return name.length > MAX_REMARK_ROW_LENGTH ? `${name.slice(0, MAX_REMARK_ROW_LENGTH - 1)}…` : name;
}

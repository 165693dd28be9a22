import { Controller, Get, Query } from '@nestjs/common';
import {
  holdsRole,
  MINISTRY_ROLES,
  OrganizationRoutes,
  PeopleRoutes,
  PlanRoutes,
  ReportingRoutes,
  tasksQuery,
  type Actor,
  type OrderTasksDto,
  type ReportingTasksDto,
  type TasksDto,
} from '@eduplan/contracts';
import { todayIn } from '@eduplan/domain';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

const noOrders: OrderTasksDto = {
  toDecide: { count: 0, items: [] },
  toSign: { count: 0, items: [] },
  toRegister: { count: 0, items: [] },
  toRevise: { count: 0, items: [] },
};
const noReports: ReportingTasksDto = { toReport: { count: 0, items: [] }, overdue: { count: 0, items: [] } };

/**
 * «Мои задачи»: what waits on the signed-in person, answered by the services that own it. The plans service finds
 * the orders (with the approvers the person stands in for today, by the registry); the reporting service finds the
 * reports owed and overdue. «Today» is the day in the person's organization's time zone.
 */
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  async tasks(@Query() query: unknown, @CurrentActor() actor: Actor): Promise<TasksDto> {
    const { limit } = tasksQuery.parse(query);
    const today = await this.todayOf(actor);
    const [orders, reports] = await Promise.all([
      holdsRole(actor, MINISTRY_ROLES) ? this.orderTasks(actor, today, limit) : noOrders,
      holdsRole(actor, ['reporter', 'analyst']) ? this.bus.request(ReportingRoutes.reportingTasks, { actor, today, limit }) : noReports,
    ]);
    return { ...orders, ...reports };
  }

  private async orderTasks(actor: Actor, today: string, limit: number): Promise<OrderTasksDto> {
    const represented = actor.personId ? await this.bus.request(PeopleRoutes.representedBy, { personId: actor.personId, date: today }) : [];
    return this.bus.request(PlanRoutes.orderTasks, { actor, standsInFor: represented.map((person) => person.id), limit });
  }

  private async todayOf(actor: Actor): Promise<string> {
    const organization = actor.organizationId ? await this.bus.request(OrganizationRoutes.get, { id: actor.organizationId }) : null;
    return todayIn(organization?.timeZone ?? 'Europe/Moscow', new Date());
  }
}

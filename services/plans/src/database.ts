import type { ServiceDatabase } from '@eduplan/platform';
import { OrderEntity } from './entities/order.entity';
import { PlanEventEntity } from './entities/plan-event.entity';
import { PlanEntity } from './entities/plan.entity';
import { PlanVersionEntity } from './entities/plan-version.entity';
import { SectionEntity } from './entities/section.entity';
import { CreatePlansAndOrders1763800100000 } from './migrations/1763800100000-create-plans-and-orders';
import { PlanVersionsAndSubRows1763900000000 } from './migrations/1763900000000-plan-versions-and-sub-rows';
import { ListIndexes1764000000000 } from './migrations/1764000000000-list-indexes';
import { RegistrationNumberPerYear1764100200000 } from './migrations/1764100200000-registration-number-per-year';
import { OrderPoints1764300000000 } from './migrations/1764300000000-order-points';
import { ResponsibleLinks1765200100000 } from './migrations/1765200100000-responsible-links';
import { PlansAuditLog1765300100000 } from './migrations/1765300100000-plans-audit-log';
import { AwaitedApprovers1765400100000 } from './migrations/1765400100000-awaited-approvers';

const entities = [PlanEntity, SectionEntity, PlanEventEntity, OrderEntity, PlanVersionEntity];

export const database: ServiceDatabase = {
  schema: 'plans',
  entities,
  migrations: [
    CreatePlansAndOrders1763800100000,
    PlanVersionsAndSubRows1763900000000,
    ListIndexes1764000000000,
    RegistrationNumberPerYear1764100200000,
    OrderPoints1764300000000,
    ResponsibleLinks1765200100000,
    PlansAuditLog1765300100000,
    AwaitedApprovers1765400100000,
  ],
};

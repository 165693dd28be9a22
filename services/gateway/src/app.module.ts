import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { BusModule, temporalClientProvider } from '@eduplan/platform';
import { loadAuthConfig } from './auth/auth.config';
import { AuthModule } from './auth/auth.module';
import { CalendarController } from './directory/calendar.controller';
import { OrganizationImportController } from './directory/organization-import.controller';
import { OrganizationsController } from './directory/organizations.controller';
import { PeopleController } from './directory/people.controller';
import { PlansController } from './directory/plans.controller';
import { RegionsController } from './directory/regions.controller';
import { ReportsController } from './directory/reports.controller';
import { DocumentsController } from './documents/documents.controller';
import { OrderDocumentsController } from './documents/order-documents.controller';
import { SignerPrecheck } from './documents/signer-precheck';
import { HealthController } from './health/health.controller';
import { OrderWorkflows } from './orders/order-workflows';
import { DecisionRemarks } from './orders/decision-remarks';
import { NotificationsController } from './notifications/notifications.controller';
import { JournalController } from './orders/journal.controller';
import { OrdersController } from './orders/orders.controller';
import { PersonSnapshots } from './people/person-snapshot';
import { PlanEditsController } from './plans/plan-edits.controller';
import { PlanImportController } from './plans/plan-import.controller';
import { PlanResponsibleController } from './plans/plan-responsible.controller';
import { PlanResponsibleLinker } from './plans/plan-responsible-linker';
import { TasksController } from './tasks/tasks.controller';
import { IssuedActs } from './verification/issued-act';
import { UploadedPdfVerification } from './verification/uploaded-pdf-verification';
import { VerificationController } from './verification/verification.controller';
import { WebModule } from './web/web.module';
import { EDGE_CONFIG, edgeConfig } from './edge/edge.config';
import { RequestDoorGuard } from './edge/request-door.guard';
import { rateLimitOptions } from './edge/rate-limits';

@Module({
  imports: [BusModule.forRoot(), WebModule, AuthModule, ThrottlerModule.forRoot(rateLimitOptions(edgeConfig(), loadAuthConfig()))],
  controllers: [HealthController, OrganizationsController, PlansController, OrdersController, ReportsController, DocumentsController,
    OrderDocumentsController, VerificationController, PlanImportController, PlanEditsController, RegionsController,
    OrganizationImportController, PeopleController, PlanResponsibleController, TasksController, JournalController, NotificationsController, CalendarController],
  providers: [
    { provide: EDGE_CONFIG, useFactory: edgeConfig },
    // In this order: a refused origin or body type costs no share of the rate limit.
    { provide: APP_GUARD, useClass: RequestDoorGuard },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    temporalClientProvider, OrderWorkflows, UploadedPdfVerification, IssuedActs, SignerPrecheck, PlanResponsibleLinker, PersonSnapshots, DecisionRemarks],
})
export class AppModule {}

import { Module } from '@nestjs/common';
import { BusModule, temporalClientProvider } from '@eduplan/platform';
import { OrganizationsController } from './directory/organizations.controller';
import { PlansController } from './directory/plans.controller';
import { ReportsController } from './directory/reports.controller';
import { DocumentsController } from './documents/documents.controller';
import { OrderDocumentsController } from './documents/order-documents.controller';
import { SignerPrecheck } from './documents/signer-precheck';
import { HealthController } from './health/health.controller';
import { OrderWorkflows } from './orders/order-workflows';
import { OrdersController } from './orders/orders.controller';
import { PlanEditsController } from './plans/plan-edits.controller';
import { PlanImportController } from './plans/plan-import.controller';
import { PlanResponsibleController } from './plans/plan-responsible.controller';
import { PlanResponsibleLinker } from './plans/plan-responsible-linker';
import { IssuedActs } from './verification/issued-act';
import { UploadedPdfVerification } from './verification/uploaded-pdf-verification';
import { VerificationController } from './verification/verification.controller';
import { WebModule } from './web/web.module';

@Module({
  imports: [BusModule.forRoot(), WebModule],
  controllers: [HealthController, OrganizationsController, PlansController, OrdersController, ReportsController, DocumentsController,
    OrderDocumentsController, VerificationController, PlanImportController, PlanEditsController, PlanResponsibleController],
  providers: [temporalClientProvider, OrderWorkflows, UploadedPdfVerification, IssuedActs, SignerPrecheck, PlanResponsibleLinker],
})
export class AppModule {}

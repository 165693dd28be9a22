import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, databaseOptions, healthController } from '@eduplan/platform';
import { ApprovalController } from './approval/approval.controller';
import { ApprovalDrafts } from './approval/approval-drafts';
import { ApprovalJournal } from './approval/approval-journal';
import { AwaitedApproversProjection } from './approval/awaited-approvers';
import { database } from './database';
import { EditPlanUseCase } from './edits/edit-plan.usecase';
import { OrdersController } from './orders.controller';
import { PlansController } from './plans.controller';
import { RegistrationJournal } from './registration-journal';
import { ResponsibleLinksController } from './responsible/responsible-links.controller';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database))],
  controllers: [PlansController, OrdersController, ApprovalController, ResponsibleLinksController, healthController('plans'), auditController('plans')],
  providers: [RegistrationJournal, EditPlanUseCase, ApprovalDrafts, ApprovalJournal, AwaitedApproversProjection],
})
export class AppModule {}

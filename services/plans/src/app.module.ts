import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions, healthController } from '@eduplan/platform';
import { database, entities } from './database';
import { EditPlanUseCase } from './edits/edit-plan.usecase';
import { OrdersController } from './orders.controller';
import { PlansController } from './plans.controller';
import { RegistrationJournal } from './registration-journal';
import { ResponsibleLinksController } from './responsible/responsible-links.controller';

@Module({
  imports: [TypeOrmModule.forRoot(databaseOptions(database)), TypeOrmModule.forFeature(entities)],
  controllers: [PlansController, OrdersController, ResponsibleLinksController, healthController('plans')],
  providers: [RegistrationJournal, EditPlanUseCase],
})
export class AppModule {}

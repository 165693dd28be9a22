import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { auditController, BusModule, databaseOptions, healthController } from '@eduplan/platform';
import { database } from './database';
import { EmailOutbox } from './email-outbox';
import { FactsController } from './facts.controller';
import { NotificationStore } from './notification-store';
import { NotificationsController } from './notifications.controller';
import { NOTIFICATIONS_CONFIG, notificationsConfig } from './notifications.config';

@Module({
  imports: [BusModule.forRoot(), TypeOrmModule.forRoot(databaseOptions(database))],
  controllers: [FactsController, NotificationsController, healthController('notifications'), auditController('notifications')],
  providers: [NotificationStore, EmailOutbox, { provide: NOTIFICATIONS_CONFIG, useFactory: notificationsConfig }],
})
export class AppModule {}

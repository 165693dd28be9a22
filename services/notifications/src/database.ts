import type { ServiceDatabase } from '@eduplan/platform';
import { CreateNotifications1766000000000 } from './migrations/1766000000000-create-notifications';
import { NotificationEntity } from './notification.entity';

export const database: ServiceDatabase = {
  schema: 'notifications',
  entities: [NotificationEntity],
  migrations: [CreateNotifications1766000000000],
};

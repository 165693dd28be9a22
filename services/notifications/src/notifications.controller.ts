import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotificationRoutes, type NotificationDto, type NotificationPage } from '@eduplan/contracts';
import { notFound, RoutePipe } from '@eduplan/platform';
import type { z } from 'zod';
import { NotificationStore } from './notification-store';

const R = NotificationRoutes;

/** A signed-in person's own notices: their account's only; another's id is answered as missing. */
@Controller()
export class NotificationsController {
  constructor(private readonly store: NotificationStore) {}

  @MessagePattern(R.list.subject)
  list(@Payload(new RoutePipe(R.list)) { actor, limit, offset }: z.output<typeof R.list.request>): Promise<NotificationPage> {
    return this.store.page(actor.accountId, limit, offset);
  }

  @MessagePattern(R.markRead.subject)
  async markRead(@Payload(new RoutePipe(R.markRead)) { actor, id }: z.output<typeof R.markRead.request>): Promise<NotificationDto> {
    const notice = await this.store.markRead(actor, id);
    if (!notice) throw notFound('Уведомление', id);
    return notice;
  }

  @MessagePattern(R.markAllRead.subject)
  async markAllRead(@Payload(new RoutePipe(R.markAllRead)) { actor }: z.output<typeof R.markAllRead.request>): Promise<{ updated: number }> {
    return { updated: await this.store.markAllRead(actor) };
  }
}

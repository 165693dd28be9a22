import { Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { NotificationRoutes, type Actor, type NotificationDto, type NotificationPage, type RequestOf } from '@eduplan/contracts';
import { BusClient } from '@eduplan/platform';
import { CurrentActor } from '../auth/current-actor.decorator';

/** The signed-in person's notices; the notifications service answers only their own account's. */
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly bus: BusClient) {}

  /** `?limit=&offset=`: newest first, with the unread count. */
  @Get()
  list(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<NotificationPage> {
    return this.bus.request(NotificationRoutes.list, { ...query, actor } as RequestOf<typeof NotificationRoutes.list>);
  }

  @Post('read-all')
  markAllRead(@CurrentActor() actor: Actor): Promise<{ updated: number }> {
    return this.bus.request(NotificationRoutes.markAllRead, { actor });
  }

  @Post(':id/read')
  markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<NotificationDto> {
    return this.bus.request(NotificationRoutes.markRead, { id, actor });
  }
}

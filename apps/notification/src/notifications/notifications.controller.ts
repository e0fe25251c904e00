import { Controller, Get, Query } from '@nestjs/common';
import { ListNotificationsDto } from './list-notifications.dto';
import { NotificationRepository } from './notification.repository';
import { notificationView } from './notification.view';

@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository) {}

  /** Newest first; filter by dossier and/or status to find what is stuck. */
  @Get()
  async list(@Query() query: ListNotificationsDto) {
    const { page, pageSize } = query;
    const [items, total] = await this.notifications.findPage({ dossierCode: query.dossier, status: query.status }, { page, pageSize });
    return { items: items.map(notificationView), page, pageSize, total };
  }
}

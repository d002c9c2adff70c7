import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationPreferencesSchema, updateNotificationPreferencesSchema } from '@/contracts/notifications';
import { problems } from '../../platform/http/responses';
import type { NotificationsService } from './notifications.service';

export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  const tags = ['account'];
  app.get('/api/account/notifications', { schema: { tags, summary: 'How I receive each kind of email notification', response: { 200: notificationPreferencesSchema, ...problems(401) } } }, (req) => notifications.preferences(req.ctx));
  app.put('/api/account/notifications', { schema: { tags, summary: 'Choose immediately, daily digest, weekly digest or never, per kind', body: updateNotificationPreferencesSchema, response: { 200: notificationPreferencesSchema, ...problems(400, 401) } } }, (req) => notifications.updatePreferences(req.ctx, req.body));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { outboxListSchema } from '@/contracts/outbox';
import { problems } from '../../platform/http/responses';
import type { OutboxService } from './outbox.service';

export const outboxRoutes: FastifyPluginAsyncZod<{ outbox: OutboxService }> = async (app, { outbox }) => {
  app.get('/api/outbox', { schema: { tags: ['outbox'], summary: 'Mail written by the hub, newest first', response: { 200: outboxListSchema, ...problems(401, 403) } } }, async (req) => ({ items: await outbox.list(req.ctx) }));
};

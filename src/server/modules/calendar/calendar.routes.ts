import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { calendarFeedCreatedSchema, calendarFeedStatusSchema } from '@/contracts/calendar';
import { idParam } from '@/contracts/common';
import { okResponse, problems } from '../../platform/http/responses';
import type { CalendarService } from './calendar.service';

const ICS = 'text/calendar; charset=utf-8';

function sendCalendar(reply: FastifyReply, body: string, disposition: string, cache: string): FastifyReply {
  return reply.header('content-type', ICS).header('content-disposition', disposition).header('cache-control', cache).send(body);
}

export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  const tags = ['calendar'];
  const ics = { 200: z.string().describe('text/calendar (RFC 5545)') };

  app.get('/api/events/:id/calendar.ics', { schema: { tags, summary: 'One event as an iCalendar file', params: idParam, response: { ...ics, ...problems(404) } } }, async (req, reply) => {
    const file = await calendar.eventFile(req.ctx, req.params.id);
    return sendCalendar(reply, file.body, `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`, 'private, no-cache');
  });

  app.get('/api/calendar/public.ics', { schema: { tags, summary: 'Public events as an iCal feed', response: ics } }, async (_req, reply) =>
    sendCalendar(reply, await calendar.publicFeed(), 'inline; filename="bali-process-public.ics"', 'public, max-age=300'));

  app.get('/api/calendar/feeds/:token', { schema: { tags, summary: 'My private iCal feed, by its secret URL (events I am invited to or take part in)', params: z.object({ token: z.string().min(20).max(100) }), response: { ...ics, ...problems(404) } } }, async (req, reply) => {
    const token = req.params.token.replace(/\.ics$/, '');
    return sendCalendar(reply, await calendar.privateFeed(token), 'inline; filename="bali-process-my-events.ics"', 'private, no-cache');
  });

  app.get('/api/account/calendar-feed', { schema: { tags, summary: 'Whether I have a private calendar feed', response: { 200: calendarFeedStatusSchema, ...problems(401) } } }, (req) => calendar.feedStatus(req.ctx));
  app.post('/api/account/calendar-feed', { schema: { tags, summary: 'Create my private calendar feed, or replace its secret URL (the old one stops working)', response: { 201: calendarFeedCreatedSchema, ...problems(401) } } }, async (req, reply) => reply.status(201).send(await calendar.createFeed(req.ctx)));
  app.delete('/api/account/calendar-feed', { schema: { tags, summary: 'Revoke my private calendar feed', response: { 200: okResponse, ...problems(401, 404) } } }, async (req) => {
    await calendar.revokeFeed(req.ctx);
    return { ok: true as const };
  });
};

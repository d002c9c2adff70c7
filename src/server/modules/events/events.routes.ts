import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignableParticipantsSchema, breakoutInputSchema, breakoutPatchSchema, eventBreakoutParams, eventIdParam, eventInputSchema, eventListQuerySchema, eventListSchema,
  eventPatchSchema, eventSchema, eventSessionParams, guestSpeakerListSchema, guestSpeakerQuerySchema, sessionInputSchema, sessionPatchSchema,
} from '@/contracts/events';
import { problems } from '../../platform/http/responses';
import type { AgendaService } from './agenda.service';
import type { EventsService } from './events.service';

export interface EventsRoutesOptions {
  events: EventsService;
  agenda: AgendaService;
}

/** Events and their agendas. Reads follow eventVisibleTo (invited-only events are 404 to others); writes are the secretariat's. */
export const eventsRoutes: FastifyPluginAsyncZod<EventsRoutesOptions> = async (app, { events, agenda }) => {
  const tags = ['events'];
  const write = problems(400, 401, 403, 404);

  app.get('/api/events', { schema: { tags, summary: 'Events I may see: upcoming or past, filtered (anonymous visitors: published public events)', querystring: eventListQuerySchema, response: { 200: eventListSchema, ...problems(400) } } }, (req) => events.list(req.ctx, req.query));
  app.post('/api/events', { schema: { tags, summary: 'Create an event (secretariat)', body: eventInputSchema, response: { 201: eventSchema, ...problems(400, 401, 403) } } }, async (req, reply) => reply.status(201).send(await events.create(req.ctx, req.body)));
  app.get('/api/events/:id', { schema: { tags, summary: 'An event (by id or slug) with its agenda: sessions (UTC times, the event zone), speakers, breakout groups', params: eventIdParam, response: { 200: eventSchema, ...problems(404) } } }, (req) => events.get(req.ctx, req.params.id));
  app.patch('/api/events/:id', { schema: { tags, summary: 'Edit, publish or cancel an event (secretariat)', params: eventIdParam, body: eventPatchSchema, response: { 200: eventSchema, ...write } } }, (req) => events.update(req.ctx, req.params.id, req.body));

  app.get('/api/guest-speakers', { schema: { tags, summary: 'Guest speaker profiles on file whose name or organisation contains q, to reuse one on an agenda (secretariat)', querystring: guestSpeakerQuerySchema, response: { 200: guestSpeakerListSchema, ...problems(400, 401, 403) } } }, (req) => agenda.guestSpeakers(req.ctx, req.query.q));
  app.post('/api/events/:id/sessions', { schema: { tags, summary: 'Add an agenda session with its speakers (secretariat)', params: eventIdParam, body: sessionInputSchema, response: { 201: eventSchema, ...write } } }, async (req, reply) => reply.status(201).send(await agenda.addSession(req.ctx, req.params.id, req.body)));
  app.patch('/api/events/:id/sessions/:sessionId', { schema: { tags, summary: 'Edit a session; `speakers`, when sent, replaces the list (secretariat)', params: eventSessionParams, body: sessionPatchSchema, response: { 200: eventSchema, ...write } } }, (req) => agenda.updateSession(req.ctx, req.params.id, req.params.sessionId, req.body));
  app.delete('/api/events/:id/sessions/:sessionId', { schema: { tags, summary: 'Remove a session (secretariat)', params: eventSessionParams, response: { 200: eventSchema, ...problems(401, 403, 404) } } }, (req) => agenda.deleteSession(req.ctx, req.params.id, req.params.sessionId));

  app.get('/api/events/:id/breakout-candidates', { schema: { tags, summary: 'The event’s participants, with their breakout groups, for assigning (secretariat)', params: eventIdParam, response: { 200: assignableParticipantsSchema, ...problems(401, 403, 404) } } }, (req) => agenda.assignable(req.ctx, req.params.id));
  app.post('/api/events/:id/breakouts', { schema: { tags, summary: 'Add a breakout group with its participants (secretariat)', params: eventIdParam, body: breakoutInputSchema, response: { 201: eventSchema, ...write } } }, async (req, reply) => reply.status(201).send(await agenda.addBreakout(req.ctx, req.params.id, req.body)));
  app.patch('/api/events/:id/breakouts/:breakoutId', { schema: { tags, summary: 'Edit a breakout group; `participantIds`, when sent, replaces its members (secretariat)', params: eventBreakoutParams, body: breakoutPatchSchema, response: { 200: eventSchema, ...write } } }, (req) => agenda.updateBreakout(req.ctx, req.params.id, req.params.breakoutId, req.body));
  app.delete('/api/events/:id/breakouts/:breakoutId', { schema: { tags, summary: 'Remove a breakout group (secretariat)', params: eventBreakoutParams, response: { 200: eventSchema, ...problems(401, 403, 404) } } }, (req) => agenda.deleteBreakout(req.ctx, req.params.id, req.params.breakoutId));
};

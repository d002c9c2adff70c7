import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '@/contracts/common';
import {
  actionDetailSchema, actionFilterSchema, actionImportBodySchema, actionImportResultSchema, actionInputSchema, actionListQuerySchema, actionListSchema,
  actionPatchSchema, actionUpdateInputSchema, eventActionsSchema, preBriefingSchema, priorityListSchema,
} from '@/contracts/outcomes';
import { problems } from '../../platform/http/responses';
import type { ActionsCsvService } from './actions-csv.service';
import type { OutcomesService } from './outcomes.service';
import type { PreBriefingService } from './pre-briefing.service';

function sendCsv(reply: FastifyReply, file: { body: string; rows: number; fileName: string }): FastifyReply {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).header('x-row-count', String(file.rows)).send(file.body);
}

export interface OutcomesRoutesOptions {
  outcomes: OutcomesService;
  csv: ActionsCsvService;
  preBriefing: PreBriefingService;
}

/** Actions from outcome reports, the tracker, CSV exchange and the pre-briefing page. */
export const outcomesRoutes: FastifyPluginAsyncZod<OutcomesRoutesOptions> = async (app, { outcomes, csv, preBriefing }) => {
  const tags = ['outcomes'];

  app.get('/api/actions', { schema: { tags, summary: 'The outcomes tracker: actions of every event I can see, filtered and paged, with counts by status', querystring: actionListQuerySchema, response: { 200: actionListSchema, ...problems(400, 401) } } }, (req) => outcomes.list(req.ctx, req.query));
  app.get('/api/actions/export.csv', { config: { rateLimit: { max: 30, timeWindow: 60_000 } }, schema: { tags, summary: 'The tracker’s filtered view as CSV (UTF-8)', querystring: actionFilterSchema, response: problems(400, 401) } }, async (req, reply) => {
    return sendCsv(reply, await csv.export(req.ctx, req.query));
  });
  app.get('/api/actions/priorities', { schema: { tags, summary: 'The RSO priorities actions are linked to', response: { 200: priorityListSchema } } }, () => outcomes.priorities());
  app.get('/api/actions/:id', { schema: { tags, summary: 'An action with its updates', params: idParam, response: { 200: actionDetailSchema, ...problems(401, 404) } } }, (req) => outcomes.get(req.ctx, req.params.id));
  app.patch('/api/actions/:id', { schema: { tags, summary: 'Edit an action (secretariat)', params: idParam, body: actionPatchSchema, response: { 200: actionDetailSchema, ...problems(400, 401, 403, 404) } } }, (req) => outcomes.update(req.ctx, req.params.id, req.body));
  app.post('/api/actions/:id/updates', { schema: { tags, summary: 'Post a dated update (progress, status, evidence) as the owner', params: idParam, body: actionUpdateInputSchema, response: { 201: actionDetailSchema, ...problems(400, 401, 403, 404) } } }, async (req, reply) => reply.status(201).send(await outcomes.addUpdate(req.ctx, req.params.id, req.body)));

  app.get('/api/events/:id/actions', { schema: { tags, summary: 'The actions recorded from an event', params: idParam, response: { 200: eventActionsSchema, ...problems(401, 404) } } }, (req) => outcomes.forEvent(req.ctx, req.params.id));
  app.post('/api/events/:id/actions', { schema: { tags, summary: 'Record an action from an event’s outcome report (secretariat)', params: idParam, body: actionInputSchema, response: { 201: actionDetailSchema, ...problems(400, 401, 403, 404) } } }, async (req, reply) => reply.status(201).send(await outcomes.create(req.ctx, req.params.id, req.body)));
  app.post('/api/events/:id/actions/import', {
    bodyLimit: 6 * 1024 * 1024,
    schema: { tags, summary: 'Import actions for an event from CSV text: every row checked, all written or none (secretariat)', params: idParam, body: actionImportBodySchema, response: { 200: actionImportResultSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => csv.import(req.ctx, req.params.id, req.body));
  app.get('/api/events/:id/pre-briefing', { schema: { tags, summary: 'The pre-briefing page: agenda, who is coming, open actions of earlier meetings', params: idParam, response: { 200: preBriefingSchema, ...problems(401, 403, 404) } } }, (req) => preBriefing.get(req.ctx, req.params.id));
};

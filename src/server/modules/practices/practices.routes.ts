import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '@/contracts/common';
import {
  archiveSchema, practiceCommentInputSchema, practiceInputSchema, practiceListQuerySchema, practiceListSchema, practicePatchSchema,
  practiceReviewQuerySchema, practiceSchema, publishSchema, requestChangesSchema,
} from '@/contracts/practices';
import { problems } from '../../platform/http/responses';
import type { PracticesService } from './practices.service';

export const practicesRoutes: FastifyPluginAsyncZod<{ practices: PracticesService }> = async (app, { practices }) => {
  const tags = ['practices'];

  app.get('/api/practices', {
    schema: { tags, summary: 'Published good practices I may read (search in any script, filters by theme and Member), best match first, then newest; a page at a time (limit, offset) with the total', querystring: practiceListQuerySchema, response: { 200: practiceListSchema, ...problems(400) } },
  }, (req) => practices.list(req.ctx, req.query));

  app.get('/api/practices/mine', {
    schema: { tags, summary: 'My practices in every state (for a coordinator, also those of their Members)', response: { 200: practiceListSchema, ...problems(401, 403) } },
  }, (req) => practices.mine(req.ctx));

  app.get('/api/practices/review', {
    schema: { tags, summary: 'The secretariat\'s review queue: practices in a state (submitted by default), oldest first', querystring: practiceReviewQuerySchema, response: { 200: practiceListSchema, ...problems(400, 401, 403) } },
  }, (req) => practices.queue(req.ctx, req.query.status));

  app.post('/api/practices', {
    schema: { tags, summary: 'Start a practice as a draft (officials and coordinators, for their own Members)', body: practiceInputSchema, response: { 201: practiceSchema, ...problems(400, 401, 403) } },
  }, async (req, reply) => reply.status(201).send(await practices.create(req.ctx, req.body)));

  app.get('/api/practices/:id', {
    schema: { tags, summary: 'A practice, with its state, review comments and what I may do (404 when I may not see it)', params: idParam, response: { 200: practiceSchema, ...problems(404) } },
  }, (req) => practices.get(req.ctx, req.params.id));

  app.patch('/api/practices/:id', {
    schema: { tags, summary: 'Edit my practice (draft or changes requested only; otherwise 409)', params: idParam, body: practicePatchSchema, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.update(req.ctx, req.params.id, req.body));

  app.post('/api/practices/:id/submit', {
    schema: { tags, summary: 'Submit my practice for review (every section filled)', params: idParam, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.submit(req.ctx, req.params.id));

  app.post('/api/practices/:id/comments', {
    schema: { tags, summary: 'Add a review comment (the submitter and the secretariat)', params: idParam, body: practiceCommentInputSchema, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.comment(req.ctx, req.params.id, req.body.body));

  app.post('/api/practices/:id/request-changes', {
    schema: { tags, summary: 'Ask the submitter for changes, with a comment (secretariat; submitted practices)', params: idParam, body: requestChangesSchema, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.requestChanges(req.ctx, req.params.id, req.body.comment));

  app.post('/api/practices/:id/publish', {
    schema: { tags, summary: 'Publish to Members or to the public (secretariat; submitted practices, or a published one to change its audience)', params: idParam, body: publishSchema, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.publish(req.ctx, req.params.id, req.body.audience, req.body.comment));

  app.post('/api/practices/:id/archive', {
    schema: { tags, summary: 'Archive a published practice (secretariat)', params: idParam, body: archiveSchema, response: { 200: practiceSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => practices.archive(req.ctx, req.params.id, req.body.comment));
};

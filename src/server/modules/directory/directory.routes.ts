import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agencyInputSchema, agencyListQuerySchema, agencyListSchema, agencyPatchSchema, agencySchema, confirmationLinkPreviewSchema,
  confirmBodySchema, coverageQuerySchema, networkQuerySchema, networkSchema, coverageSchema, dueListSchema, handoverBodySchema, historySchema, personInputSchema,
  personPatchSchema, personSchema, positionInputSchema, positionPatchSchema, positionSchema, searchQuerySchema, searchResultSchema,
  vacateBodySchema,
} from '@/contracts/directory';
import { tokenParam } from '@/contracts/auth';
import { idParam } from '@/contracts/common';
import { afterWrite } from '../../platform/http/after-write';
import { sendPreparedJson } from '../../platform/http/compression';
import { okResponse, problems } from '../../platform/http/responses';
import type { AgenciesService } from './agencies.service';
import type { CoverageService } from './coverage.service';
import type { FocalPointsService } from './focal-points.service';
import type { HistoryService } from './history.service';
import type { NetworkService } from './network.service';
import type { PeopleService } from './people.service';
import type { DirectorySearchService } from './search.service';

export interface DirectoryRoutesOptions {
  agencies: AgenciesService;
  people: PeopleService;
  focalPoints: FocalPointsService;
  search: DirectorySearchService;
  coverage: CoverageService;
  history: HistoryService;
  network: NetworkService;
}

export const directoryRoutes: FastifyPluginAsyncZod<DirectoryRoutesOptions> = async (app, { agencies, people, focalPoints, search, coverage, history, network }) => {
  // A write through these routes has committed by the time its answer is sent: the cached search and coverage
  // answers are checked against the data version again at the next request.
  afterWrite(app, () => search.cache?.forget());
  const tags = ['directory'];

  // Search and coverage answers are JSON text the service made from the response schema (and may serve again from
  // its cache, compressed once): sent as they are, not serialised again.
  app.get('/api/directory/search', { schema: { tags, summary: 'Search Members, agencies, positions and people in any script', querystring: searchQuerySchema, response: { 200: searchResultSchema, ...problems(400) } } }, (req, reply) => {
    // A repeated search is answered from the cache without a promise: sent, and nothing returned, so Fastify does not
    // wait on the reply (returning it would make Fastify listen for the answer's end, a cost on every cached search).
    const cached = search.cachedJson(req.ctx, req.query);
    if (cached) {
      sendPreparedJson(req, reply, cached);
      return;
    }
    // Computed: the promise resolves with the reply, which Fastify waits on (the answer may still be held by
    // platform/http/write-batching.ts when the promise settles).
    return (async () => sendPreparedJson(req, reply, await search.searchJson(req.ctx, req.query)))();
  });
  app.get('/api/directory/coverage', { schema: { tags, summary: 'Members × mandates: confirmed, stale and missing focal points', querystring: coverageQuerySchema, response: { 200: coverageSchema, ...problems(401, 403) } } }, async (req, reply) => sendPreparedJson(req, reply, await coverage.mapJson(req.ctx, req.query)));
  app.get('/api/directory/network', { schema: { tags, summary: 'Agencies linked to mandates and working groups, for the network view', querystring: networkQuerySchema, response: { 200: networkSchema, ...problems(400) } } }, (req) => network.graph(req.query));
  app.get('/api/directory/due', { schema: { tags, summary: 'Positions due for confirmation in my Members', response: { 200: dueListSchema, ...problems(401, 403) } } }, async (req) => ({ items: await people.due(req.ctx) }));
  app.get('/api/directory/history/:entity/:id', { schema: { tags, summary: 'Who changed a record, and when', params: z.object({ entity: z.enum(['agency', 'position', 'person']), id: z.string().min(1).max(64) }), response: { 200: historySchema, ...problems(401) } } }, (req) => history.of(req.ctx, req.params.entity, req.params.id));

  app.get('/api/directory/agencies', { schema: { tags, summary: 'List agencies', querystring: agencyListQuerySchema, response: { 200: agencyListSchema, ...problems(400) } } }, (req) => agencies.list(req.ctx, req.query));
  app.post('/api/directory/agencies', { schema: { tags, summary: 'Add an agency', body: agencyInputSchema, response: { 201: agencySchema, ...problems(400, 401, 403) } } }, async (req, reply) => reply.status(201).send(await agencies.create(req.ctx, req.body)));
  app.get('/api/directory/agencies/:id', { schema: { tags, summary: 'An agency with its positions', params: idParam, response: { 200: agencySchema, ...problems(404) } } }, (req) => agencies.get(req.ctx, req.params.id));
  app.patch('/api/directory/agencies/:id', { schema: { tags, summary: 'Edit an agency', params: idParam, body: agencyPatchSchema, response: { 200: agencySchema, ...problems(400, 401, 403, 404) } } }, (req) => agencies.update(req.ctx, req.params.id, req.body));
  app.post('/api/directory/agencies/:id/confirm', { schema: { tags, summary: "Confirm that an agency's details are still right", params: idParam, response: { 200: agencySchema, ...problems(401, 403, 404) } } }, (req) => agencies.confirm(req.ctx, req.params.id));
  app.post('/api/directory/agencies/:id/positions', { schema: { tags, summary: 'Add a position to an agency', params: idParam, body: positionInputSchema, response: { 201: positionSchema, ...problems(400, 401, 403, 404) } } }, async (req, reply) => reply.status(201).send(await agencies.createPosition(req.ctx, req.params.id, req.body)));

  app.get('/api/directory/positions/:id', { schema: { tags, summary: 'A position', params: idParam, response: { 200: positionSchema, ...problems(404) } } }, (req) => agencies.position(req.ctx, req.params.id));
  app.patch('/api/directory/positions/:id', { schema: { tags, summary: 'Edit a position', params: idParam, body: positionPatchSchema, response: { 200: positionSchema, ...problems(400, 401, 403, 404) } } }, (req) => agencies.updatePosition(req.ctx, req.params.id, req.body));
  app.post('/api/directory/positions/:id/confirm', { schema: { tags, summary: 'Confirm (and correct) the holder of a position', params: idParam, body: confirmBodySchema, response: { 200: positionSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => focalPoints.confirm(req.ctx, req.params.id, req.body));
  app.post('/api/directory/positions/:id/handover', { schema: { tags, summary: 'Hand a position over to a successor', params: idParam, body: handoverBodySchema, response: { 200: positionSchema, ...problems(400, 401, 403, 404) } } }, (req) => focalPoints.handover(req.ctx, req.params.id, req.body));
  app.post('/api/directory/positions/:id/vacate', { schema: { tags, summary: 'End the current holding without a successor', params: idParam, body: vacateBodySchema, response: { 200: positionSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => focalPoints.vacate(req.ctx, req.params.id, req.body.endDate, req.body.note));
  app.post('/api/directory/positions/:id/confirmation-link', { schema: { tags, summary: 'Email the holder a single-use link to confirm their record', params: idParam, response: { 200: z.object({ sentTo: z.string(), expiresAt: z.string() }), ...problems(401, 403, 404, 409) } } }, (req) => focalPoints.sendConfirmationLink(req.ctx, req.params.id));
  app.get('/api/directory/confirm/:token', { schema: { tags, summary: 'What a confirmation link is for (no sign-in)', params: tokenParam, response: { 200: confirmationLinkPreviewSchema, ...problems(400) } } }, (req) => focalPoints.previewLink(req.params.token));
  app.post('/api/directory/confirm/:token', { config: { rateLimit: { max: 30, timeWindow: 60_000 } }, schema: { tags, summary: 'Confirm or correct my own record from an emailed link', params: tokenParam, body: confirmBodySchema.extend({ stillHolds: z.boolean() }), response: { 200: okResponse, ...problems(400) } } }, async (req) => {
    await focalPoints.confirmByLink(req.ctx, req.params.token, req.body);
    return { ok: true as const };
  });

  app.post('/api/directory/people', { schema: { tags, summary: 'Add a person (secretariat)', body: personInputSchema, response: { 201: personSchema, ...problems(400, 401, 403) } } }, async (req, reply) => reply.status(201).send(await people.create(req.ctx, req.body)));
  app.get('/api/directory/people/:id', { schema: { tags, summary: 'A person, with the contact channels I may see', params: idParam, response: { 200: personSchema, ...problems(404) } } }, (req) => people.get(req.ctx, req.params.id));
  app.patch('/api/directory/people/:id', { schema: { tags, summary: 'Edit a person', params: idParam, body: personPatchSchema, response: { 200: personSchema, ...problems(400, 401, 403, 404) } } }, (req) => people.update(req.ctx, req.params.id, req.body));
};

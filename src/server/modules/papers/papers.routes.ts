import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okSchema } from '@/contracts/common';
import { eventPapersSchema, paperPatchSchema, paperSchema, paperVersionListSchema, paperVersionParams, paperWithdrawSchema } from '@/contracts/papers';
import { contentDisposition, type FileStore } from '../../platform/files/file-store';
import { readUpload, registerUploads } from '../../platform/files/multipart';
import { problems } from '../../platform/http/responses';
import type { Download, PapersService } from './papers.service';

export interface PapersRoutesOptions {
  papers: PapersService;
  files: FileStore;
}

/** Sends a file as an attachment with its real type; the browser must not guess another. */
function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  if (file.size !== null) void reply.header('content-length', String(file.size));
  return reply.send(file.body);
}

const multipartNote = 'multipart/form-data with the file in a field named "file"';

export const papersRoutes: FastifyPluginAsyncZod<PapersRoutesOptions> = async (app, { papers, files }) => {
  const tags = ['papers'];
  await registerUploads(app, files);

  app.get('/api/events/:id/papers', {
    schema: { tags, summary: 'The papers of an event I may read, with their latest versions and language versions', params: idParam, response: { 200: eventPapersSchema, ...problems(404) } },
  }, (req) => papers.list(req.ctx, req.params.id));

  app.post('/api/events/:id/papers', {
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: `Upload a paper (secretariat): ${multipartNote}, and the fields kind, title, language, sensitivity, translationOf (optional), note (optional)`,
      params: idParam,
      response: { 201: paperSchema, ...problems(400, 401, 403, 404, 413, 415) },
    },
  }, async (req, reply) => {
    await papers.checkEvent(req.ctx, req.params.id);
    const upload = await readUpload(req, files);
    return reply.status(201).send(await papers.create(req.ctx, req.params.id, upload));
  });

  app.get('/api/papers/:id', {
    schema: { tags, summary: 'A paper', params: idParam, response: { 200: paperSchema, ...problems(404) } },
  }, (req) => papers.get(req.ctx, req.params.id));

  app.patch('/api/papers/:id', {
    schema: { tags, summary: "Change a paper's title, kind, language or sensitivity (secretariat)", params: idParam, body: paperPatchSchema, response: { 200: paperSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => papers.update(req.ctx, req.params.id, req.body));

  app.post('/api/papers/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a paper uploaded by mistake, with all its versions and files, giving a reason (secretariat; audited)', params: idParam, body: paperWithdrawSchema, response: { 200: okSchema, ...problems(400, 401, 403, 404) } },
  }, async (req) => {
    await papers.withdraw(req.ctx, req.params.id, req.body.reason);
    return { ok: true as const };
  });

  app.post('/api/papers/:id/versions/:number/withdraw', {
    schema: { tags, summary: 'Withdraw one version of a paper (its file is deleted), giving a reason (secretariat; audited)', params: paperVersionParams, body: paperWithdrawSchema, response: { 200: paperSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => papers.withdrawVersion(req.ctx, req.params.id, req.params.number, req.body.reason));

  app.get('/api/papers/:id/versions', {
    schema: { tags, summary: 'The version history of a paper: who uploaded each version, when, and its size', params: idParam, response: { 200: paperVersionListSchema, ...problems(404) } },
  }, (req) => papers.versions(req.ctx, req.params.id));

  app.post('/api/papers/:id/versions', {
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: { tags, summary: `Upload a new version of a paper (secretariat): ${multipartNote}, and an optional note`, params: idParam, response: { 201: paperSchema, ...problems(400, 401, 403, 404, 413, 415) } },
  }, async (req, reply) => {
    await papers.checkPaper(req.ctx, req.params.id);
    const upload = await readUpload(req, files);
    return reply.status(201).send(await papers.addVersion(req.ctx, req.params.id, upload));
  });

  app.get('/api/papers/:id/versions/:number/file', {
    schema: { tags, summary: 'Download one version of a paper (streamed, as an attachment)', params: paperVersionParams, response: problems(404) },
  }, async (req, reply) => sendDownload(reply, await papers.download(req.ctx, req.params.id, req.params.number)));

  app.get('/api/events/:id/meeting-pack.zip', {
    config: { rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: { tags, summary: 'The meeting pack: the latest version of every paper I may read, as one ZIP (streamed)', params: idParam, response: problems(404) },
  }, async (req, reply) => sendDownload(reply, await papers.meetingPack(req.ctx, req.params.id)));

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/api/events/:id/participant-list.${format}`, {
      schema: { tags, summary: `The participant list as ${format.toUpperCase()}: approved and registered participants who agreed to be listed (secretariat and registered participants)`, params: idParam, response: problems(401, 403, 404) },
    }, async (req, reply) => sendDownload(reply, await papers.participantList(req.ctx, req.params.id, format)));
  }
};

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam, okSchema } from '@/contracts/common';
import { librarySearchQuerySchema, librarySearchResultSchema, resourceInputSchema, resourcePatchSchema, resourceSchema } from '@/contracts/library';
import { contentDisposition, type FileStore } from '../../platform/files/file-store';
import { readUpload, registerUploads } from '../../platform/files/multipart';
import { problems } from '../../platform/http/responses';
import type { Download, LibraryService } from './library.service';

export interface LibraryRoutesOptions {
  library: LibraryService;
  files: FileStore;
}

/** Sends a file as an attachment with its real type; the browser must not guess another. */
function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-length', String(file.size));
  return reply.send(file.body);
}

export const libraryRoutes: FastifyPluginAsyncZod<LibraryRoutesOptions> = async (app, { library, files }) => {
  const tags = ['library'];
  await registerUploads(app, files);

  app.get('/api/library/search', {
    schema: {
      tags, summary: 'Search the library (titles, descriptions, file text; any script): ranked results with snippets and facets, only what I may read',
      querystring: librarySearchQuerySchema, response: { 200: librarySearchResultSchema, ...problems(400) },
    },
  }, (req) => library.search(req.ctx, req.query));

  app.post('/api/library', {
    schema: { tags, summary: 'Add a resource (secretariat); its file is uploaded next, or it has a link', body: resourceInputSchema, response: { 201: resourceSchema, ...problems(400, 401, 403) } },
  }, async (req, reply) => reply.status(201).send(await library.create(req.ctx, req.body)));

  app.get('/api/library/:id', {
    schema: { tags, summary: 'A resource with its language versions (and, for the secretariat, its text extraction)', params: idParam, response: { 200: resourceSchema, ...problems(404) } },
  }, (req) => library.get(req.ctx, req.params.id));

  app.patch('/api/library/:id', {
    schema: { tags, summary: 'Change a resource (secretariat)', params: idParam, body: resourcePatchSchema, response: { 200: resourceSchema, ...problems(400, 401, 403, 404) } },
  }, (req) => library.update(req.ctx, req.params.id, req.body));

  app.delete('/api/library/:id', {
    schema: { tags, summary: 'Delete a resource and its file (secretariat)', params: idParam, response: { 200: okSchema, ...problems(401, 403, 404) } },
  }, async (req) => {
    await library.remove(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/library/:id/file', {
    config: { rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags, summary: 'Upload or replace the file of a resource (secretariat): multipart/form-data, field "file"; PDF, DOCX or XLSX. Its text is extracted in the background',
      params: idParam, response: { 200: resourceSchema, ...problems(400, 401, 403, 404, 413, 415) },
    },
  }, async (req) => {
    await library.checkUpload(req.ctx, req.params.id);
    const upload = await readUpload(req, files);
    return library.attachFile(req.ctx, req.params.id, upload);
  });

  app.get('/api/library/:id/file', {
    schema: { tags, summary: 'Download the file of a resource (streamed, as an attachment)', params: idParam, response: problems(404) },
  }, async (req, reply) => sendDownload(reply, await library.download(req.ctx, req.params.id)));
};

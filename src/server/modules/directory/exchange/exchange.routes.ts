import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '@/contracts/common';
import { applyBodySchema, dryRunBodySchema, exportQuerySchema, importListSchema, importSchema, importUploadQuerySchema, vcardExportQuerySchema } from '@/contracts/directory-exchange';
import { AppError } from '../../../platform/errors';
import { afterWrite } from '../../../platform/http/after-write';
import { okResponse, problems } from '../../../platform/http/responses';
import type { DirectoryExportService, ExportFile } from './export.service';
import type { DirectoryImportService } from './import.service';
import { MAX_UPLOAD_BYTES, tooLarge } from './spreadsheet-file';

export interface ExchangeRoutesOptions {
  exports: DirectoryExportService;
  imports: DirectoryImportService;
}

function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/["\\]/g, '')}"`)
    .header('x-row-count', String(file.rows))
    .send(file.body);
}

/** Refuses an oversized or form-encoded upload from its headers, before any of the body is read. */
async function checkUpload(req: FastifyRequest): Promise<void> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge();
  if (String(req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) {
    throw new AppError(415, 'unsupported_media_type', 'Send the file itself as the request body (Content-Type: application/octet-stream), not as a form.');
  }
}

/** Export (CSV, XLSX, vCard) and import (XLSX, CSV) of the directory. */
export const exchangeRoutes: FastifyPluginAsyncZod<ExchangeRoutesOptions> = async (app, { exports, imports }) => {
  // A write through these routes has committed by the time its answer is sent: the cached search and coverage
  // answers are checked against the data version again at the next request.
  afterWrite(app, () => imports.cache.forget());
  const tags = ['directory'];
  const limited = { rateLimit: { max: 30, timeWindow: 60_000 } };

  app.get('/api/directory/export', {
    config: limited,
    schema: { tags, summary: 'The directory as a spreadsheet (CSV or XLSX), one row per position, with the contact details I may see', querystring: exportQuerySchema, response: problems(400) },
  }, async (req, reply) => {
    const { format, ...filter } = req.query;
    return sendFile(reply, await exports.table(req.ctx, filter, format));
  });

  app.get('/api/directory/export.vcf', {
    config: limited,
    schema: { tags, summary: 'The people of the directory as vCards (RFC 6350), with the contact details I may see', querystring: vcardExportQuerySchema, response: problems(400) },
  }, async (req, reply) => sendFile(reply, await exports.vcards(req.ctx, req.query)));

  app.get('/api/directory/people/:id/vcard', {
    schema: { tags, summary: "A person's vCard (RFC 6350), with the contact details I may see", params: idParam, response: problems(404) },
  }, async (req, reply) => sendFile(reply, await exports.person(req.ctx, req.params.id)));

  // The upload takes the file itself as the body, whatever its Content-Type: the type is read from the bytes.
  const upload: FastifyPluginAsyncZod = async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    scope.post('/api/directory/imports', {
      bodyLimit: MAX_UPLOAD_BYTES,
      onRequest: checkUpload,
      schema: {
        tags,
        summary: 'Upload a spreadsheet (XLSX or CSV UTF-8, at most 20 MB) as the request body; answers with its columns and a suggested mapping',
        querystring: importUploadQuerySchema,
        response: { 201: importSchema, ...problems(400, 401, 403, 413, 415) },
      },
    }, async (req, reply) => reply.status(201).send(await imports.upload(req.ctx, req.body, req.query.filename)));
  };
  await app.register(upload);

  app.get('/api/directory/imports', { schema: { tags, summary: 'My imports, newest first (the secretariat sees all)', response: { 200: importListSchema, ...problems(401, 403) } } }, (req) => imports.list(req.ctx));
  app.get('/api/directory/imports/:id', { schema: { tags, summary: 'An import: status, progress, problems, duplicates and counts', params: idParam, response: { 200: importSchema, ...problems(401, 403, 404) } } }, (req) => imports.get(req.ctx, req.params.id));
  app.post('/api/directory/imports/:id/dry-run', {
    schema: { tags, summary: 'Check every row with a column mapping (nothing is written) and remember the mapping', params: idParam, body: dryRunBodySchema, response: { 200: importSchema, ...problems(400, 401, 403, 404, 409) } },
  }, (req) => imports.dryRun(req.ctx, req.params.id, req.body.mapping));
  app.post('/api/directory/imports/:id/apply', {
    schema: { tags, summary: 'Apply a checked import in the background, all rows or none; follow it with GET', params: idParam, body: applyBodySchema, response: { 202: importSchema, ...problems(400, 401, 403, 404, 409) } },
  }, async (req, reply) => reply.status(202).send(await imports.apply(req.ctx, req.params.id, req.body.decisions)));
  app.post('/api/directory/imports/:id/cancel', {
    schema: { tags, summary: 'Cancel an import not applied yet (one being applied is rolled back: nothing is written)', params: idParam, response: { 200: importSchema, ...problems(401, 403, 404, 409) } },
  }, (req) => imports.cancel(req.ctx, req.params.id));
  app.delete('/api/directory/imports/:id', {
    schema: { tags, summary: 'Delete an import and the rows stored from its file (not what it wrote to the directory)', params: idParam, response: { 200: okResponse, ...problems(401, 403, 404, 409) } },
  }, async (req) => {
    await imports.remove(req.ctx, req.params.id);
    return { ok: true as const };
  });
};

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors';

const titles: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, code: string, detail: string, fields?: FieldError[]): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://hub.baliprocess.invalid/problems/${code}`,
      title: titles[status] ?? 'Error',
      status,
      code,
      detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(fields?.length ? { errors: fields } : {}),
    });
}

/** One error handler for the whole API: stable codes, field-level details, never a stack trace. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return sendProblem(reply, request, error.status, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext;
      const fields = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (where === 'body' ? 'body' : (where ?? 'request')),
        message: v.message ?? 'Invalid value.',
      }));
      return sendProblem(reply, request, 400, 'validation_failed', 'Some fields need attention.', fields);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, request, 500, 'internal_error', 'Something went wrong on our side. The error has been logged.');
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, request, 429, 'rate_limited', error.message);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : error.statusCode === 413 ? 'payload_too_large' : 'bad_request';
      return sendProblem(reply, request, error.statusCode, code, error.statusCode === 400 ? 'The request could not be read.' : error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 500, 'internal_error', 'Something went wrong on our side. The error has been logged.');
  });
}

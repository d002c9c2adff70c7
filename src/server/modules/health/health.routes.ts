import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ping } from '../../db/database';
import type { DB } from '../../db/schema';
import { problems } from '../../platform/http/responses';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; dialect: string }> = async (app, { db, dialect }) => {
  app.get('/api/health', { schema: { tags: ['health'], summary: 'Liveness and database check', response: { 200: z.object({ status: z.literal('ok'), database: z.string() }), 503: problems(503)[503] } } }, async (req, reply) => {
    try {
      await ping(db);
      return { status: 'ok' as const, database: dialect };
    } catch (err) {
      req.log.error({ err }, 'health check: database unreachable');
      return reply.status(503).type('application/problem+json').send({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'database_unavailable', detail: 'The database does not answer.' });
    }
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicationListQuery, publicationListSchema } from '@/contracts/publications';
import { problems } from '../../platform/http/responses';
import type { PublicationsService } from './publications.service';

export const publicationsRoutes: FastifyPluginAsyncZod<{ publications: PublicationsService }> = async (app, { publications }) => {
  app.get('/api/publications', {
    schema: {
      tags: ['publications'],
      summary: 'Published reports: the public outcome reports of public events, newest event first, with their language versions (open to all)',
      querystring: publicationListQuery,
      response: { 200: publicationListSchema, ...problems(400) },
    },
  }, (req) => publications.list(req.ctx, req.query));
};

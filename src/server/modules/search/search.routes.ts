import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { globalSearchQuerySchema, globalSearchResultSchema } from '@/contracts/search';
import { problems } from '../../platform/http/responses';
import type { GlobalSearchService } from './search.service';

export const searchRoutes: FastifyPluginAsyncZod<{ search: GlobalSearchService }> = async (app, { search }) => {
  app.get('/api/search', {
    schema: {
      tags: ['search'], summary: 'Search the library, good practices, agencies and people at once: each result labelled by kind, only what I may see',
      querystring: globalSearchQuerySchema, response: { 200: globalSearchResultSchema, ...problems(400) },
    },
  }, (req) => search.search(req.ctx, req.query));
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberSchema, referenceDataSchema, updateMemberBodySchema } from '@/contracts/reference';
import { problems } from '../../platform/http/responses';
import type { ReferenceService } from './reference.service';

export const referenceRoutes: FastifyPluginAsyncZod<{ reference: ReferenceService }> = async (app, { reference }) => {
  const tags = ['reference'];
  app.get('/api/reference', { schema: { tags, summary: 'Members, Observers, sub-regions, working groups, themes, mandates (public)', response: { 200: referenceDataSchema } } }, () => reference.all());
  app.patch('/api/reference/members/:code', { schema: { tags, summary: 'Edit a Member or Observer', params: z.object({ code: z.string().trim().toUpperCase().min(2).max(12) }), body: updateMemberBodySchema, response: { 200: memberSchema, ...problems(400, 401, 403, 404) } } }, (req) => reference.updateMember(req.ctx, req.params.code, req.body));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListSchema, auditQuerySchema } from '@/contracts/audit';
import { problems } from '../../platform/http/responses';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get('/api/audit', { schema: { tags: ['audit'], summary: 'Browse and filter the audit trail, newest first', querystring: auditQuerySchema, response: { 200: auditListSchema, ...problems(400, 401, 403) } } }, (req) => audit.list(req.ctx, req.query));
};

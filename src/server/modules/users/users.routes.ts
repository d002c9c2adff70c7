import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '@/contracts/common';
import {
  createInvitationBodySchema, invitationListSchema, invitationSchema, updateUserBodySchema, userListQuerySchema,
  userListSchema, userSchema,
} from '@/contracts/users';
import { okResponse, problems } from '../../platform/http/responses';
import type { UsersService } from './users.service';

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  const tags = ['users'];
  const codeParam = z.object({ code: z.string().trim().toUpperCase().min(2).max(12) });

  app.get('/api/users', { schema: { tags, summary: 'List accounts', querystring: userListQuerySchema, response: { 200: userListSchema, ...problems(400, 401, 403) } } }, (req) => users.list(req.ctx, req.query));
  app.get('/api/users/:id', { schema: { tags, summary: 'One account', params: idParam, response: { 200: userSchema, ...problems(401, 403, 404) } } }, (req) => users.get(req.ctx, req.params.id));
  app.patch('/api/users/:id', { schema: { tags, summary: 'Change role, Member scopes or name', params: idParam, body: updateUserBodySchema, response: { 200: userSchema, ...problems(400, 401, 403, 404, 409) } } }, (req) => users.update(req.ctx, req.params.id, req.body));
  app.post('/api/users/:id/disable', { schema: { tags, summary: 'Disable an account and end its sessions', params: idParam, response: { 200: userSchema, ...problems(401, 403, 404, 409) } } }, (req) => users.setStatus(req.ctx, req.params.id, 'disabled'));
  app.post('/api/users/:id/enable', { schema: { tags, summary: 'Enable an account', params: idParam, response: { 200: userSchema, ...problems(401, 403, 404, 409) } } }, (req) => users.setStatus(req.ctx, req.params.id, 'active'));
  app.post('/api/users/:id/totp/reset', { schema: { tags, summary: 'Clear an account\'s two-factor set-up', params: idParam, response: { 200: userSchema, ...problems(401, 403, 404) } } }, (req) => users.resetTotp(req.ctx, req.params.id));
  app.get('/api/members/:code/accounts', { schema: { tags, summary: 'Accounts scoped to one Member', params: codeParam, response: { 200: z.array(userSchema), ...problems(401, 403, 404) } } }, (req) => users.listForMember(req.ctx, req.params.code));

  app.get('/api/invitations', { schema: { tags: ['invitations'], summary: 'Invitations I may manage', response: { 200: invitationListSchema, ...problems(401, 403) } } }, async (req) => ({ items: await users.listInvitations(req.ctx) }));
  app.post('/api/invitations', { schema: { tags: ['invitations'], summary: 'Invite a person by email and role', body: createInvitationBodySchema, response: { 201: invitationSchema, ...problems(400, 401, 403, 409) } } }, async (req, reply) => reply.status(201).send(await users.invite(req.ctx, req.body)));
  app.delete('/api/invitations/:id', { schema: { tags: ['invitations'], summary: 'Withdraw a pending invitation', params: idParam, response: { 200: okResponse, ...problems(401, 403, 404, 409) } } }, async (req) => {
    await users.revokeInvitation(req.ctx, req.params.id);
    return { ok: true as const };
  });
};

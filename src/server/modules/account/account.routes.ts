import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountSessionSchema, changePasswordBodySchema, disableTotpBodySchema, recoveryCodesSchema, totpCodeBodySchema,
  totpSetupSchema, updateProfileBodySchema,
} from '@/contracts/account';
import { currentUserSchema } from '@/contracts/auth';
import { idParam } from '@/contracts/common';
import { okResponse, problems } from '../../platform/http/responses';
import type { AccountService } from './account.service';

export const accountRoutes: FastifyPluginAsyncZod<{ account: AccountService }> = async (app, { account }) => {
  const tags = ['account'];

  app.get('/api/account/sessions', { schema: { tags, summary: 'My active sessions', response: { 200: z.array(accountSessionSchema), ...problems(401) } } }, (req) => account.listSessions(req.ctx));

  app.delete('/api/account/sessions/:id', { schema: { tags, summary: 'End one of my sessions', params: idParam, response: { 200: okResponse, ...problems(401, 404) } } }, async (req) => {
    await account.endSession(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/account/password', { schema: { tags, summary: 'Change my password (ends my other sessions)', body: changePasswordBodySchema, response: { 200: okResponse, ...problems(400, 401) } } }, async (req) => {
    await account.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  app.post('/api/account/totp/setup', { schema: { tags, summary: 'Start two-factor set-up', response: { 200: totpSetupSchema, ...problems(401, 409) } } }, (req) => account.startTotpSetup(req.ctx));

  app.post('/api/account/totp/confirm', { schema: { tags, summary: 'Confirm two-factor set-up with a code; returns recovery codes', body: totpCodeBodySchema, response: { 200: recoveryCodesSchema, ...problems(400, 401, 409) } } }, async (req) => ({
    recoveryCodes: await account.confirmTotp(req.ctx, req.body.code),
  }));

  app.post('/api/account/totp/recovery-codes', { schema: { tags, summary: 'Replace my recovery codes', body: totpCodeBodySchema, response: { 200: recoveryCodesSchema, ...problems(400, 401, 409) } } }, async (req) => ({
    recoveryCodes: await account.regenerateRecoveryCodes(req.ctx, req.body.code),
  }));

  app.delete('/api/account/totp', { schema: { tags, summary: 'Turn two-factor off (not for roles that require it)', body: disableTotpBodySchema, response: { 200: okResponse, ...problems(400, 401, 403, 409) } } }, async (req) => {
    await account.disableTotp(req.ctx, req.body.password, req.body.code);
    return { ok: true as const };
  });

  app.patch('/api/account/profile', { schema: { tags, summary: 'Change my name or language', body: updateProfileBodySchema, response: { 200: currentUserSchema, ...problems(400, 401) } } }, (req) => account.updateProfile(req.ctx, req.body));
};

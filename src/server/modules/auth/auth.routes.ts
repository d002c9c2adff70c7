import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acceptInvitationBodySchema, forgotPasswordBodySchema, invitationPreviewSchema, loginBodySchema, loginResultSchema,
  resetPasswordBodySchema, secondFactorBodySchema, sessionInfoSchema, tokenParam,
} from '@/contracts/auth';
import { HOUR } from '../../platform/clock';
import { clearSessionCookie, setSessionCookie, type CookieSettings } from '../../platform/http/session-hook';
import { okResponse, problems } from '../../platform/http/responses';
import type { AuthService } from './auth.service';

export interface AuthRoutesOptions {
  auth: AuthService;
  cookie: CookieSettings;
  absoluteHours: number;
  loginRatePerMinute: number;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth, cookie, absoluteHours, loginRatePerMinute }) => {
  const tags = ['auth'];
  const loginLimit = { rateLimit: { max: loginRatePerMinute, timeWindow: 60_000 } };
  const maxAge = (absoluteHours * HOUR) / 1000;

  app.get('/api/auth/session', { schema: { tags, summary: 'The signed-in user and CSRF token, or nulls', response: { 200: sessionInfoSchema } } }, (req) =>
    auth.sessionInfo(req.ctx, req.csrfToken),
  );

  app.post('/api/auth/login', { config: loginLimit, schema: { tags, summary: 'Sign in with email and password', body: loginBodySchema, response: { 200: loginResultSchema, ...problems(400, 401, 403, 429) } } }, async (req, reply) => {
    const result = await auth.login(req.ctx, req.body.email, req.body.password);
    if ('token' in result) {
      setSessionCookie(reply, cookie, result.token, maxAge);
      return { status: 'signed_in' as const, session: result.info };
    }
    return result;
  });

  app.post('/api/auth/login/second-factor', { config: loginLimit, schema: { tags, summary: 'Complete sign-in with a TOTP or recovery code', body: secondFactorBodySchema, response: { 200: loginResultSchema, ...problems(400, 401, 429) } } }, async (req, reply) => {
    const result = await auth.loginSecondFactor(req.ctx, req.body);
    setSessionCookie(reply, cookie, result.token, maxAge);
    return { status: 'signed_in' as const, session: result.info };
  });

  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out (ends this session)', response: { 200: okResponse } } }, async (req, reply) => {
    await auth.logout(req.ctx);
    clearSessionCookie(reply, cookie);
    return { ok: true as const };
  });

  app.post('/api/auth/password/forgot', { config: loginLimit, schema: { tags, summary: 'Email a single-use password reset link', body: forgotPasswordBodySchema, response: { 202: okResponse, ...problems(400, 429) } } }, async (req, reply) => {
    await auth.forgotPassword(req.ctx, req.body.email);
    return reply.status(202).send({ ok: true as const });
  });

  app.post('/api/auth/password/reset', { config: loginLimit, schema: { tags, summary: 'Set a new password from a reset link', body: resetPasswordBodySchema, response: { 200: okResponse, ...problems(400, 429) } } }, async (req, reply) => {
    await auth.resetPassword(req.ctx, req.body);
    clearSessionCookie(reply, cookie);
    return { ok: true as const };
  });

  app.get('/api/auth/invitations/:token', { schema: { tags, summary: 'What an invitation link is for', params: tokenParam, response: { 200: invitationPreviewSchema, ...problems(400) } } }, (req) =>
    auth.previewInvitation(req.params.token),
  );

  app.post('/api/auth/invitations/:token/accept', { config: loginLimit, schema: { tags, summary: 'Create the account from an invitation and sign in', params: tokenParam, body: acceptInvitationBodySchema, response: { 200: sessionInfoSchema, ...problems(400, 409, 429) } } }, async (req, reply) => {
    const result = await auth.acceptInvitation(req.ctx, req.params.token, req.body);
    setSessionCookie(reply, cookie, result.token, maxAge);
    return result.info;
  });
};

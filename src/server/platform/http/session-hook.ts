import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedRoles, type Role } from '@/contracts/roles';
import { mustEnrollTotp } from '../../modules/users/users.presenter';
import { usersRepository } from '../../modules/users/users.repository';
import type { RequestContext } from '../context';
import { safeEqual } from '../crypto';
import type { PlatformDeps } from '../deps';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    csrfToken: string | null;
  }
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

/** `__Host-` needs Secure; browsers accept Secure cookies on localhost over plain HTTP, but not on other HTTP hosts. */
export function cookieSettings(publicUrl: string): CookieSettings {
  const url = new URL(publicUrl);
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || local) return { name: '__Host-hub_session', secure: true };
  return { name: 'hub_session', secure: false };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to an actor for every API request, and guards state-changing requests against
 * cross-site request forgery: they must carry `x-csrf-token` (the session's token when signed in) and, when the
 * browser sends one, an Origin of the hub itself.
 */
export function registerSessionHook(app: FastifyInstance, d: PlatformDeps, cookie: CookieSettings): void {
  const publicOrigin = new URL(d.config.PUBLIC_URL).origin;
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.ctx = { actor: null, requestId: request.id, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
    if (!request.url.startsWith('/api/')) return;
    void reply.header('cache-control', 'no-store');

    const token = request.cookies[cookie.name];
    if (token) {
      const session = await d.sessions.validate(token, { ip: request.ip });
      if (session && session.user_status === 'active') {
        const role = session.user_role as Role;
        request.ctx.actor = {
          id: session.user_id,
          role,
          memberScopes: scopedRoles.includes(role) ? await usersRepository.scopes(d.db, session.user_id) : [],
          sessionId: session.id,
          mustEnrollTotp: mustEnrollTotp({ role, totp_enabled: session.user_totp_enabled }),
        };
        request.csrfToken = session.csrf_token;
      } else {
        void reply.clearCookie(cookie.name, { path: '/', secure: cookie.secure, httpOnly: true, sameSite: 'lax' });
      }
    }

    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const host = request.headers.host;
      if (origin && origin !== publicOrigin && origin !== `http://${host}` && origin !== `https://${host}`) {
        throw new AppError(403, 'csrf_failed', 'Cross-site request refused.');
      }
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent.length === 0) throw new AppError(403, 'csrf_failed', 'Missing CSRF token. Reload the page and try again.');
      if (request.csrfToken && !safeEqual(sent, request.csrfToken)) throw new AppError(403, 'csrf_failed', 'The CSRF token does not match. Reload the page and try again.');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(cookie.name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  void reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure });
}

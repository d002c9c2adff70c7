import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedRoles, type Role } from '@/contracts/roles';
import { mustEnrollTotp } from '../../modules/users/users.presenter';
import { usersRepository } from '../../modules/users/users.repository';
import type { RequestContext } from '../context';
import { safeEqual } from '../crypto';
import type { PlatformDeps } from '../deps';
import { AppError } from '../errors';
import { afterWrite } from './after-write';
import type { ValidSession } from '../auth/sessions';

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
  /** A reused session's Member scopes, read with it (the session object is replaced whenever it is read again). */
  const scopesOf = new WeakMap<object, string[]>();

  // Any state-changing request may change what a session stands for (sign-out, role, status, scopes, second
  // factor): once it has run (its transaction committed, the answer not yet sent), the sessions reused without
  // reading are dropped, so the next request reads them again.
  afterWrite(app, () => d.sessions.forgetAll());

  /** Signs the request in as the session's user, or says (false) that their Member scopes must be read first. */
  const signIn = (request: FastifyRequest, session: ValidSession, scopes?: string[]): boolean => {
    const role = session.user_role as Role;
    const memberScopes = scopedRoles.includes(role) ? (scopes ?? scopesOf.get(session)) : [];
    if (!memberScopes) return false;
    request.ctx.actor = {
      id: session.user_id,
      role,
      memberScopes,
      sessionId: session.id,
      mustEnrollTotp: mustEnrollTotp({ role, totp_enabled: session.user_totp_enabled }),
    };
    request.csrfToken = session.csrf_token;
    return true;
  };

  const resolve = async (request: FastifyRequest, reply: FastifyReply, token: string | undefined, safe: boolean): Promise<void> => {
    if (token) {
      // Safe requests may reuse a session this instance read a moment ago (see REUSE_MS in platform/auth/sessions.ts).
      const session = await d.sessions.validate(token, { ip: request.ip, reuse: safe });
      if (session && session.user_status === 'active') {
        if (!signIn(request, session)) {
          const scopes = await usersRepository.scopes(d.db, session.user_id);
          scopesOf.set(session, scopes);
          signIn(request, session, scopes);
        }
      } else {
        void reply.clearCookie(cookie.name, { path: '/', secure: cookie.secure, httpOnly: true, sameSite: 'lax' });
      }
    }

    if (!safe) {
      const origin = request.headers.origin;
      const host = request.headers.host;
      if (origin && origin !== publicOrigin && origin !== `http://${host}` && origin !== `https://${host}`) {
        throw new AppError(403, 'csrf_failed', 'Cross-site request refused.');
      }
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent.length === 0) throw new AppError(403, 'csrf_failed', 'Missing CSRF token. Reload the page and try again.');
      if (request.csrfToken && !safeEqual(sent, request.csrfToken)) throw new AppError(403, 'csrf_failed', 'The CSRF token does not match. Reload the page and try again.');
    }
  };

  // Callback style, so that a safe request with a session reused as it is (the common case: a signed-in page's
  // reads) is signed in without a promise; anything else goes through `resolve`.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    request.ctx = { actor: null, requestId: request.id, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
    if (!request.url.startsWith('/api/')) return done();

    const token = request.cookies[cookie.name];
    const safe = SAFE_METHODS.has(request.method);
    if (token && safe) {
      const session = d.sessions.reused(token, { ip: request.ip });
      if (session && session.user_status === 'active' && signIn(request, session)) return done();
    }
    resolve(request, reply, token, safe).then(() => done(), done);
  });
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(cookie.name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  void reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'lax', secure: cookie.secure });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { scopedRoles, type Role } from '@/contracts/roles';
import { mustEnrollTotp } from '../../modules/users/users.presenter';
import { usersRepository } from '../../modules/users/users.repository';
import type { Actor, RequestContext } from '../context';
import { safeEqual } from '../crypto';
import type { PlatformDeps } from '../deps';
import { AppError } from '../errors';
import { afterWrite, SAFE_METHODS } from './after-write';
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

/**
 * Resolves the session cookie to an actor for every API request, and guards state-changing requests against
 * cross-site request forgery: they must carry `x-csrf-token` (the session's token when signed in) and, when the
 * browser sends one, an Origin of the hub itself.
 */
export function registerSessionHook(app: FastifyInstance, d: PlatformDeps, cookie: CookieSettings): void {
  const publicOrigin = new URL(d.config.PUBLIC_URL).origin;
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('csrfToken', null);
  /**
   * The actor a session stands for, built once per session object (it is replaced whenever the session is read
   * again, so a reused session's actor is as current as the session). Actors are never changed after this.
   */
  const actorOf = new WeakMap<ValidSession, Actor>();

  // Any state-changing request may change what a session stands for (sign-out, role, status, scopes, second
  // factor): once it has run (its transaction committed, the answer not yet sent), the sessions reused without
  // reading are dropped, so the next request reads them again.
  afterWrite(app, () => d.sessions.forgetAll());

  /** Signs the request in as the session's user, or says (false) that their Member scopes must be read first. */
  const signIn = (request: FastifyRequest, session: ValidSession, scopes?: string[]): boolean => {
    let actor = actorOf.get(session);
    if (!actor) {
      const role = session.user_role as Role;
      const memberScopes = scopedRoles.includes(role) ? scopes : [];
      if (!memberScopes) return false;
      actor = Object.freeze({
        id: session.user_id,
        role,
        memberScopes: Object.freeze(memberScopes),
        sessionId: session.id,
        mustEnrollTotp: mustEnrollTotp({ role, totp_enabled: session.user_totp_enabled }),
      });
      actorOf.set(session, actor);
    }
    request.ctx.actor = actor;
    request.csrfToken = session.csrf_token;
    return true;
  };

  const resolve = async (request: FastifyRequest, reply: FastifyReply, token: string | undefined, safe: boolean): Promise<void> => {
    if (token) {
      // Safe requests may reuse a session this instance read a moment ago (see REUSE_MS in platform/auth/sessions.ts).
      const session = await d.sessions.validate(token, { ip: request.ip, reuse: safe });
      if (session && session.user_status === 'active') {
        if (!signIn(request, session)) {
          signIn(request, session, await usersRepository.scopes(d.db, session.user_id));
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
